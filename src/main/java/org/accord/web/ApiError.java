package org.accord.web;

import io.javalin.http.HttpStatus;

/** An HTTP error a route or filter raises on purpose; rendered as {@code {"error": message}}. */
final class ApiError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient HttpStatus status;

  ApiError(HttpStatus status, String message) {
    super(message, null, false, false);
    this.status = status;
  }

  HttpStatus status() {
    return status;
  }
}
