package org.partnerlifecycle.workers;

import static org.mockito.Mockito.lenient;
import static org.mockito.Mockito.mock;

import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.search.enums.ListenerEventType;
import java.util.Map;

/** Activated jobs as the engine would hand them to a worker, for unit tests. */
public final class TestJobs {

  private TestJobs() {}

  public static ActivatedJob job(String type, Map<String, Object> variables, Map<String, String> headers) {
    return job(type, variables, headers, null, 3);
  }

  public static ActivatedJob job(String type, Map<String, Object> variables, Map<String, String> headers,
      ListenerEventType listenerEvent, int retries) {
    ActivatedJob job = mock(ActivatedJob.class);
    lenient().when(job.getKey()).thenReturn(2251799813690001L);
    lenient().when(job.getType()).thenReturn(type);
    lenient().when(job.getProcessInstanceKey()).thenReturn(2251799813685300L);
    lenient().when(job.getBpmnProcessId()).thenReturn("partner-onboarding");
    lenient().when(job.getProcessDefinitionVersion()).thenReturn(2);
    lenient().when(job.getElementId()).thenReturn("ReviewApplication");
    lenient().when(job.getElementInstanceKey()).thenReturn(2251799813685310L);
    lenient().when(job.getVariablesAsMap()).thenReturn(variables);
    lenient().when(job.getCustomHeaders()).thenReturn(headers);
    lenient().when(job.getListenerEventType()).thenReturn(listenerEvent);
    lenient().when(job.getRetries()).thenReturn(retries);
    return job;
  }
}
