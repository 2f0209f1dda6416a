package io.converge.service.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses request bodies over the limit with 413 problem+json: a declared length over the limit before reading, and a
 * chunked body as soon as it crosses the limit.
 */
public class RequestBodyLimitFilter extends OncePerRequestFilter {

  private final long maxBytes;
  private final ObjectMapper objectMapper;

  public RequestBodyLimitFilter(long maxBytes, ObjectMapper objectMapper) {
    this.maxBytes = maxBytes;
    this.objectMapper = objectMapper;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (request.getContentLengthLong() > maxBytes) {
      reject(response);
      return;
    }
    LimitedRequest limited = new LimitedRequest(request, maxBytes);
    try {
      chain.doFilter(limited, response);
    } catch (ServletException | RuntimeException e) {
      if (!limited.exceeded || response.isCommitted()) {
        throw e;
      }
      response.reset();
      reject(response);
    }
    if (limited.exceeded && !response.isCommitted()) {
      response.reset();
      reject(response);
    }
  }

  private void reject(HttpServletResponse response) throws IOException {
    response.setStatus(HttpStatus.PAYLOAD_TOO_LARGE.value());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    objectMapper.writeValue(response.getOutputStream(), tooLarge(maxBytes));
  }

  static ProblemDetail tooLarge(long maxBytes) {
    return Problems.of(HttpStatus.PAYLOAD_TOO_LARGE, "payload-too-large",
        "The request body is larger than " + maxBytes + " bytes");
  }

  /**
   * Thrown by the body's stream as it crosses the limit. The JSON reader wraps it, and the error handler answers
   * 413 from it: the answer it writes is sent before this filter could replace it.
   */
  static final class BodyTooLarge extends IOException {
    final long maxBytes;

    BodyTooLarge(long maxBytes) {
      super("Request body over " + maxBytes + " bytes");
      this.maxBytes = maxBytes;
    }
  }

  private static final class LimitedRequest extends HttpServletRequestWrapper {
    private final long maxBytes;
    private boolean exceeded;
    private ServletInputStream stream;

    LimitedRequest(HttpServletRequest request, long maxBytes) {
      super(request);
      this.maxBytes = maxBytes;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
      if (stream == null) {
        ServletInputStream delegate = super.getInputStream();
        stream = new ServletInputStream() {
          private long read;

          @Override
          public int read() throws IOException {
            int b = delegate.read();
            if (b >= 0) {
              count(1);
            }
            return b;
          }

          @Override
          public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = delegate.read(buffer, offset, length);
            if (n > 0) {
              count(n);
            }
            return n;
          }

          private void count(int n) throws IOException {
            read += n;
            if (read > maxBytes) {
              exceeded = true;
              throw new BodyTooLarge(maxBytes);
            }
          }

          @Override
          public boolean isFinished() {
            return delegate.isFinished();
          }

          @Override
          public boolean isReady() {
            return delegate.isReady();
          }

          @Override
          public void setReadListener(ReadListener listener) {
            delegate.setReadListener(listener);
          }
        };
      }
      return stream;
    }
  }
}
