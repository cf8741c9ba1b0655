package org.partnerlifecycle.web;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.partnerlifecycle.engine.CamundaRuntime;
import org.partnerlifecycle.partner.LifecycleStage;
import org.partnerlifecycle.partner.PartnerRepository;
import org.partnerlifecycle.task.TaskState;
import org.partnerlifecycle.task.UserTaskRepository;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** Staff overview: partners by lifecycle stage, the latest partners, open user tasks. */
@Controller
class ConsoleController {

  private final PartnerRepository partners;
  private final UserTaskRepository tasks;
  private final CamundaRuntime runtime;

  ConsoleController(PartnerRepository partners, UserTaskRepository tasks, CamundaRuntime runtime) {
    this.partners = partners;
    this.tasks = tasks;
    this.runtime = runtime;
  }

  @GetMapping("/console")
  @Transactional(readOnly = true)
  String overview(Model model) {
    Map<LifecycleStage, Long> byStage = new EnumMap<>(LifecycleStage.class);
    for (LifecycleStage stage : LifecycleStage.values()) {
      byStage.put(stage, 0L);
    }
    partners.countByStage().forEach(c -> byStage.put(c.getStage(), c.getPartners()));
    model.addAttribute("byStage", byStage);
    model.addAttribute("partners",
        partners.findAll(PageRequest.of(0, 50, Sort.by(Sort.Direction.DESC, "stageSince"))).getContent());
    model.addAttribute("openTasks", tasks.findByStateInOrderByCreatedAtAsc(List.of(TaskState.OPEN, TaskState.ASSIGNED)));
    model.addAttribute("embedded", runtime == CamundaRuntime.EMBEDDED);
    return "console/overview";
  }
}
