package org.partnerlifecycle.document;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The partner's uploaded documents: accepted only as PDF, PNG or JPEG judged by their first bytes (and a file
 * name that agrees), no larger than partner.documents.max-size, stored under a server-chosen name in
 * partner.documents.dir. Who may read one is decided by the caller (see DocumentController).
 */
@Service
public class PartnerDocuments {

  private static final Logger log = LoggerFactory.getLogger(PartnerDocuments.class);

  /** The file types accepted, by their signature ("magic number") and the file name endings that go with them. */
  public enum FileType {
    PDF("application/pdf", new byte[] {'%', 'P', 'D', 'F', '-'}, "pdf"),
    PNG("image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A}, "png"),
    JPEG("image/jpeg", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}, "jpg", "jpeg");

    private final String contentType;
    private final byte[] signature;
    private final List<String> extensions;

    FileType(String contentType, byte[] signature, String... extensions) {
      this.contentType = contentType;
      this.signature = signature;
      this.extensions = List.of(extensions);
    }

    public String contentType() { return contentType; }

    static Optional<FileType> sniff(byte[] head, int length) {
      return Arrays.stream(values())
          .filter(t -> length >= t.signature.length
              && Arrays.equals(head, 0, t.signature.length, t.signature, 0, t.signature.length))
          .findFirst();
    }
  }

  /** An upload that is not accepted, with a message for the person uploading. */
  public static class DocumentRejected extends RuntimeException {
    public DocumentRejected(String message) {
      super(message);
    }
  }

  private final PartnerDocumentRepository documents;
  private final DocumentProperties settings;
  private final Clock clock;

  public PartnerDocuments(PartnerDocumentRepository documents, DocumentProperties settings, Clock clock) {
    this.documents = documents;
    this.settings = settings;
    this.clock = clock;
  }

  public String maxSizeText() {
    long bytes = settings.maxSize().toBytes();
    return bytes % (1024 * 1024) == 0 ? bytes / (1024 * 1024) + " MB" : bytes / 1024 + " KB";
  }

  @Transactional(readOnly = true)
  public List<PartnerDocument> list(long partnerId) {
    return documents.findByPartnerIdOrderByUploadedAtAscIdAsc(partnerId);
  }

  @Transactional(readOnly = true)
  public Optional<PartnerDocument> find(long documentId) {
    return documents.findById(documentId);
  }

  /**
   * Stores one upload. The bytes are written to a temporary file first and moved into place only once they have
   * passed every check; if the metadata cannot be saved, the file is removed again.
   */
  @Transactional
  public PartnerDocument upload(long partnerId, DocumentKind kind, String originalName, InputStream content,
      String username) {
    if (kind == null) {
      throw new DocumentRejected("Choose what kind of document this is.");
    }
    if (documents.countByPartnerId(partnerId) >= settings.maxPerPartner()) {
      throw new DocumentRejected("You have uploaded " + settings.maxPerPartner()
          + " documents, the most we keep. Remove one you no longer need first.");
    }
    Path partnerDir = partnerDir(partnerId);
    Path temp = null;
    try {
      Files.createDirectories(partnerDir);
      temp = Files.createTempFile(partnerDir, "upload-", ".part");
      Received received = copyLimited(content, temp);
      if (received.size() == 0) {
        throw new DocumentRejected("The file is empty.");
      }
      FileType type = FileType.sniff(received.head(), received.headLength())
          .orElseThrow(() -> new DocumentRejected("Upload a PDF, PNG or JPEG file. This file is none of them."));
      String fileName = cleanFileName(originalName, type);
      String storageKey = UUID.randomUUID().toString();
      Path target = partnerDir.resolve(storageKey);
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
      temp = null;
      deleteOnRollback(target);
      return documents.save(new PartnerDocument(partnerId, kind, fileName, type.contentType(), received.size(),
          received.sha256(), storageKey, username, clock.instant()));
    } catch (IOException e) {
      throw new UncheckedIOException("could not store an upload of partner " + partnerId, e);
    } finally {
      if (temp != null) {
        deleteQuietly(temp);
      }
    }
  }

  /** Removes a document that has not been submitted yet; submitted ones are kept as evidence. */
  @Transactional
  public void remove(long partnerId, long documentId) {
    PartnerDocument document = documents.findById(documentId).filter(d -> d.getPartnerId() == partnerId)
        .orElseThrow(() -> new DocumentRejected("There is no such document."));
    if (document.isSubmitted()) {
      throw new DocumentRejected("This document was submitted for verification and is kept as evidence.");
    }
    documents.delete(document);
    Path file = path(document);
    TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
      @Override
      public void afterCommit() {
        deleteQuietly(file);
      }
    });
  }

  /**
   * Marks the partner's documents as submitted with the company profile (in the caller's transaction); returns
   * how many documents the partner has in all.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public int submitAll(long partnerId) {
    Instant now = clock.instant();
    List<PartnerDocument> all = documents.findByPartnerIdOrderByUploadedAtAscIdAsc(partnerId);
    all.forEach(d -> d.submitted(now));
    return all.size();
  }

  /** The stored bytes; the caller has checked that the reader may see this partner's documents. */
  public InputStream open(PartnerDocument document) throws IOException {
    return Files.newInputStream(path(document));
  }

  private Path partnerDir(long partnerId) {
    return settings.dir().toAbsolutePath().normalize().resolve(Long.toString(partnerId));
  }

  private Path path(PartnerDocument document) {
    Path file = partnerDir(document.getPartnerId()).resolve(document.getStorageKey()).normalize();
    if (!file.startsWith(partnerDir(document.getPartnerId()))) {
      throw new IllegalStateException("document " + document.getId() + " has an invalid storage key");
    }
    return file;
  }

  private record Received(long size, String sha256, byte[] head, int headLength) {}

  /** Copies at most max-size bytes, hashing them and keeping the first few for the type check. */
  private Received copyLimited(InputStream in, Path target) throws IOException {
    long max = settings.maxSize().toBytes();
    MessageDigest digest = sha256();
    byte[] head = new byte[16];
    int headLength = 0;
    long size = 0;
    byte[] buffer = new byte[64 * 1024];
    try (OutputStream out = new DigestOutputStream(Files.newOutputStream(target), digest)) {
      int n;
      while ((n = in.read(buffer)) != -1) {
        if (headLength < head.length) {
          int take = Math.min(n, head.length - headLength);
          System.arraycopy(buffer, 0, head, headLength, take);
          headLength += take;
        }
        size += n;
        if (size > max) {
          throw new DocumentRejected("The file is larger than " + maxSizeText() + ". Upload a smaller file.");
        }
        out.write(buffer, 0, n);
      }
    }
    return new Received(size, HexFormat.of().formatHex(digest.digest()), head, headLength);
  }

  /** The name as shown and offered for download: no folders, no control or quote characters, a fitting ending. */
  static String cleanFileName(String originalName, FileType type) {
    String name = originalName == null ? "" : originalName;
    name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
    name = name.replaceAll("[\\p{Cntrl}\"<>:|?*]", "").strip();
    int dot = name.lastIndexOf('.');
    String extension = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    if (!type.extensions.contains(extension)) {
      String claimed = extension.isEmpty() ? "no file ending" : "the ending ." + extension;
      throw new DocumentRejected("The file is a " + type.name() + " but its name has " + claimed
          + ". Rename it to end in ." + type.extensions.get(0) + " and upload it again.");
    }
    if (dot == 0) {
      name = "document" + name;
    }
    if (name.length() > 255) {
      name = name.substring(0, 250 - extension.length()) + "." + extension;
    }
    return name;
  }

  private static void deleteOnRollback(Path file) {
    TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
      @Override
      public void afterCompletion(int status) {
        if (status != STATUS_COMMITTED) {
          deleteQuietly(file);
        }
      }
    });
  }

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      log.warn("Could not delete {}: {}", file, e.toString());
    }
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
