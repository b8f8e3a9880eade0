/**
 * The pages people use (issue 13, ADR 0150): server-rendered HTML from JTE templates compiled at build
 * time ({@code src/main/jte}), one shared shell ({@code shell.jte}, {@code /static/accord.css}) and one
 * small script ({@code /static/pages.js}). {@link org.accord.web.page.Pages} is the one place that
 * registers pages; {@link org.accord.web.page.Nav} is the menu. A page reads through the same {@code
 * app} services as the API, with the caller's principal, so it cannot show what the API would refuse;
 * its actions post to the API.
 */
package org.accord.web.page;
