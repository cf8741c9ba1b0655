package org.partnerlifecycle;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a test that hands each of these job types the same job twice and asserts the effects (records, audit
 * events, notifications) are there exactly once. {@link RepeatedDeliveryCoverageTest} fails for any
 * {@code @JobWorker} type that no such test names.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface DeliveredTwice {

  /** The job types, as declared in {@code @JobWorker(type = ...)}. */
  String[] value();
}
