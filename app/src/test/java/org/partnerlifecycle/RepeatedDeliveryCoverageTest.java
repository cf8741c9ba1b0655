package org.partnerlifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.annotation.JobWorker;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.util.ClassUtils;

/**
 * Zeebe delivers every job at least once, so every worker must be safe to run twice. This reads the job types
 * the workers module declares with {@code @JobWorker} and the types the tests marked {@link DeliveredTwice}
 * deliver twice: a new worker without a repeated-delivery test fails the build here.
 */
class RepeatedDeliveryCoverageTest {

  @Test
  void everyJobWorkerTypeHasARepeatedDeliveryTest() {
    Map<String, String> workerTypes = jobWorkerTypes();
    Map<String, String> covered = coveredTypes();

    assertThat(workerTypes).as("job types found in the workers module").containsKeys("partner-stage", "deal-approve",
        "partner-certification-grant", "user-task-completing");
    Map<String, String> uncovered = new TreeMap<>(workerTypes);
    uncovered.keySet().removeAll(covered.keySet());
    assertThat(uncovered).as("@JobWorker types (with their worker method) that no @DeliveredTwice test delivers twice")
        .isEmpty();
    Map<String, String> unknown = new TreeMap<>(covered);
    unknown.keySet().removeAll(workerTypes.keySet());
    assertThat(unknown).as("@DeliveredTwice names (with their test) that no @JobWorker declares").isEmpty();
    System.out.printf("repeated-delivery coverage: %d of %d job types%n", covered.size(), workerTypes.size());
  }

  /** Job type -> the worker method declaring it. */
  static Map<String, String> jobWorkerTypes() {
    Map<String, String> types = new TreeMap<>();
    for (Class<?> worker : classesWithMethodsAnnotated("org.partnerlifecycle.workers", JobWorker.class)) {
      for (Method method : worker.getDeclaredMethods()) {
        JobWorker annotation = method.getAnnotation(JobWorker.class);
        if (annotation == null) {
          continue;
        }
        String where = worker.getSimpleName() + "." + method.getName();
        assertThat(annotation.type()).as("%s must name its job type", where).isNotBlank();
        assertThat(types.put(annotation.type(), where)).as("job type %s declared twice", annotation.type()).isNull();
      }
    }
    return types;
  }

  /** Job type -> the first test delivering it twice. */
  static Map<String, String> coveredTypes() {
    Map<String, String> covered = new TreeMap<>();
    for (Class<?> test : classesWithMethodsAnnotated("org.partnerlifecycle", DeliveredTwice.class)) {
      for (Method method : test.getDeclaredMethods()) {
        DeliveredTwice annotation = method.getAnnotation(DeliveredTwice.class);
        if (annotation != null) {
          Arrays.stream(annotation.value())
              .forEach(type -> covered.putIfAbsent(type, test.getSimpleName() + "." + method.getName()));
        }
      }
    }
    return covered;
  }

  private static Set<Class<?>> classesWithMethodsAnnotated(String basePackage, Class<?> annotation) {
    var scanner = new ClassPathScanningCandidateComponentProvider(false);
    scanner.addIncludeFilter((reader, factory) ->
        reader.getAnnotationMetadata().hasAnnotatedMethods(annotation.getName()));
    Function<String, Class<?>> load = name -> ClassUtils.resolveClassName(name,
        RepeatedDeliveryCoverageTest.class.getClassLoader());
    Set<Class<?>> classes = new java.util.LinkedHashSet<>();
    scanner.findCandidateComponents(basePackage).forEach(bean -> classes.add(load.apply(bean.getBeanClassName())));
    return classes;
  }
}
