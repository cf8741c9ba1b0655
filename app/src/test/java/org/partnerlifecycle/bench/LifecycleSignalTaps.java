package org.partnerlifecycle.bench;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import org.partnerlifecycle.bench.LifecycleSignal.Kind;
import org.partnerlifecycle.workers.onboarding.OnboardingPort;
import org.partnerlifecycle.workers.tasks.UserTaskEvent;
import org.partnerlifecycle.workers.tasks.UserTaskEvents;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Wraps the workers' ports so that, once a job's effect is done (committed), the benchmark hears which partner
 * may take the next step: the brief is out, the agreement is out, onboarding started, training is assigned, a
 * user task is being created. Test only; the app's beans are otherwise untouched.
 */
@TestConfiguration(proxyBeanMethods = false)
public class LifecycleSignalTaps {

  @Bean
  static BeanPostProcessor lifecycleSignalTapsPostProcessor() {
    return new BeanPostProcessor() {
      @Override
      public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof OnboardingPort port) {
          return tap(port);
        }
        if (bean instanceof UserTaskEvents events) {
          return (UserTaskEvents) event -> {
            events.record(event);
            if (event.transition() == UserTaskEvent.Transition.CREATING && event.partnerId() != null) {
              LifecycleSignal.emit(new LifecycleSignal(Kind.TASK_CREATING, event.partnerId(), event.userTaskKey(),
                  event.elementId()));
            }
          };
        }
        return bean;
      }
    };
  }

  static OnboardingPort tap(OnboardingPort port) {
    return (OnboardingPort) Proxy.newProxyInstance(OnboardingPort.class.getClassLoader(),
        new Class<?>[] {OnboardingPort.class}, (proxy, method, args) -> {
          Object result;
          try {
            result = method.invoke(port, args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
          if (args != null && args.length > 0 && args[0] instanceof Long partnerId) {
            Kind kind = switch (method.getName()) {
              case "recordStage" -> switch ((String) args[1]) {
                case "APPLIED" -> Kind.APPLIED;
                case "ONBOARDING" -> Kind.ONBOARDING;
                default -> null;
              };
              case "generateBrief" -> Kind.BRIEF_READY;
              case "generateAgreement", "reviseAgreement" -> Kind.AGREEMENT_READY;
              case "assignTraining" -> Kind.TRAINING_ASSIGNED;
              case "activatePartner" -> Kind.ACTIVE;
              default -> null;
            };
            if (kind != null) {
              LifecycleSignal.emit(LifecycleSignal.of(kind, partnerId));
            }
          }
          return result;
        });
  }
}
