package io.converge.saga.runtime.dashboard;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The orchestrator's root is the dashboard. */
@Controller
class DashboardHome {

  @GetMapping("/")
  String home() {
    return "redirect:/ui";
  }
}
