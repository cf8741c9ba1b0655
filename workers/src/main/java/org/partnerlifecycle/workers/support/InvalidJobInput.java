package org.partnerlifecycle.workers.support;

/** A job arrived with a payload the worker cannot act on: retrying cannot help, a person must look. */
public class InvalidJobInput extends RuntimeException {
  public InvalidJobInput(String message) {
    super(message);
  }
}
