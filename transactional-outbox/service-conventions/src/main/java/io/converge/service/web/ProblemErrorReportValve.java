package io.converge.service.web;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.http.HttpStatus;

/**
 * Tomcat's own error report, as problem+json instead of its HTML page: what Tomcat refuses before a request reaches
 * Spring (a malformed %-escape, an encoded slash, a request line or header over the size limit) gets the same kind of
 * answer as everything else, with no server details.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

  @Override
  protected void report(Request request, Response response, Throwable throwable) {
    int status = response.getStatus();
    if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
      return;
    }
    HttpStatus known = HttpStatus.resolve(status);
    String title = known == null ? "Error" : known.getReasonPhrase();
    String type = known == null ? "error" : known.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    String detail = status == 400 ? "The request could not be read: malformed URL, header or request line"
        : title;
    try {
      response.setContentType("application/problem+json");
      response.setCharacterEncoding(StandardCharsets.UTF_8.name());
      Writer writer = response.getReporter();
      if (writer != null) {
        writer.write("{\"type\":\"" + Problems.BASE + type + "\",\"title\":\"" + title + "\",\"status\":" + status
            + ",\"detail\":\"" + detail + "\"}");
        response.finishResponse();
      }
    } catch (IOException | IllegalStateException e) {
      // The client went away or the response was taken over: nothing more to say.
    }
  }
}
