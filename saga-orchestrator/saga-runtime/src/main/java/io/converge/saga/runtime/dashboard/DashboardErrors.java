package io.converge.saga.runtime.dashboard;

import io.converge.service.web.NotFoundException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * What the dashboard shows for a saga or an action that does not exist: a page with a way back, not the API's
 * problem+json (the services' error handling answers every other controller).
 */
@ControllerAdvice(assignableTypes = DashboardController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class DashboardErrors {

  @ExceptionHandler(NotFoundException.class)
  ModelAndView notFound(NotFoundException e) {
    ModelAndView page = new ModelAndView("dashboard/not-found", HttpStatus.NOT_FOUND);
    page.addObject("message", e.getMessage());
    return page;
  }
}
