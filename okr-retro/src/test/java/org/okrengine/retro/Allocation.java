package org.okrengine.retro;

import java.lang.reflect.Method;

/**
 * The bytes a piece of code allocates on the current thread, from the JDK's
 * {@code com.sun.management.ThreadMXBean#getCurrentThreadAllocatedBytes} (looked up reflectively: the module under
 * test does not read {@code jdk.management}).
 */
final class Allocation {
  private static final Object BEAN;
  private static final Method ALLOCATED;

  static {
    try {
      BEAN = Class.forName("java.lang.management.ManagementFactory").getMethod("getThreadMXBean").invoke(null);
      ALLOCATED = Class.forName("com.sun.management.ThreadMXBean").getMethod("getCurrentThreadAllocatedBytes");
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private Allocation() {}

  /** The bytes {@code code} allocated on this thread. */
  static long of(Runnable code) {
    long before = allocated();
    code.run();
    return allocated() - before;
  }

  private static long allocated() {
    try {
      return (long) ALLOCATED.invoke(BEAN);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }
}
