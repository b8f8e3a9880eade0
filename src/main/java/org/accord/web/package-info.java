/** The HTTP edge (Javalin): {@code /api/v1} JSON routes with bearer-token auth, and the pages. */
package org.accord.web;
