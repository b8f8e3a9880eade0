package org.accord.exercise;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Renders a {@link Report} tree as one standalone HTML page: tables, and SVG plots drawn here on the
 * server (no script, no external resource), so the page can be archived or mailed as it is. Every text
 * from the scenario is escaped. Stateless.
 */
final class HtmlReport {
  private static final String[] COLOURS = {"#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e"};
  private static final int WIDTH = 720;
  private static final int HEIGHT = 300;
  private static final int PAD = 48;

  private HtmlReport() {}

  @SuppressWarnings("unchecked")
  static String render(Map<String, Object> tree, Scenario scenario) {
    StringBuilder html = new StringBuilder(1 << 16);
    Map<String, Object> strategies = (Map<String, Object>) tree.get("strategies");
    Map<String, Object> world = (Map<String, Object>) tree.get("world");
    html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
        .append(escape("Exercise: " + tree.get("title"))).append("</title>\n<style>")
        .append("body{font:14px/1.4 system-ui,sans-serif;margin:2em;max-width:70em}table{border-collapse:collapse;margin:1em 0}")
        .append("td,th{border:1px solid #ccc;padding:.25em .5em;text-align:right}th:first-child,td:first-child{text-align:left}")
        .append("svg{background:#fafafa;border:1px solid #ddd}.legend span{margin-right:1.5em}</style></head><body>\n");
    html.append("<h1>").append(escape(String.valueOf(tree.get("title")))).append("</h1>\n<p>Scenario <code>")
        .append(escape(scenario.id())).append("</code> from ").append(escape(scenario.file())).append(": ")
        .append(tree.get("runs")).append(" runs, seed ").append(tree.get("seed")).append(", day 0 = ")
        .append(escape(String.valueOf(tree.get("start")))).append(". ").append(escape(String.valueOf(world.get("package"))))
        .append(" ").append(escape(String.valueOf(world.get("range")))).append(" reaches ").append(world.get("affected_deployments"))
        .append(" deployments through ").append(world.get("path_nodes")).append(" package versions and products (depth ")
        .append(world.get("depth")).append(").</p>\n");
    html.append("<p class=\"legend\">");
    int colour = 0;
    for (String name : strategies.keySet()) {
      html.append("<span style=\"color:").append(COLOURS[colour++ % COLOURS.length]).append("\">&#9632; ").append(escape(name)).append("</span>");
    }
    html.append("</p>\n<h2>Vulnerable deployments (median, 90% band)</h2>\n");
    html.append(plot(strategies, "all", scenario.horizonDays()));
    html.append("<h2>Vulnerable essential deployments</h2>\n").append(plot(strategies, "criticality:essential", scenario.horizonDays()));
    html.append("<h2>Comparison</h2>\n<table><tr><th>measure</th><th>better</th><th>winner</th><th>runner-up</th><th>margin, median</th><th>90% band</th></tr>\n");
    for (Object o : (List<Object>) tree.get("comparison")) {
      Map<String, Object> row = (Map<String, Object>) o;
      Map<String, Object> margin = (Map<String, Object>) row.get("margin");
      html.append("<tr><td>").append(escape(String.valueOf(row.get("measure")))).append("</td><td>").append(row.get("better"))
          .append("</td><td>").append(escape(String.valueOf(row.get("winner")))).append("</td><td>")
          .append(escape(String.valueOf(row.get("runner_up")))).append("</td><td>").append(number(margin.get("p50")))
          .append("</td><td>").append(number(margin.get("p5"))).append(" to ").append(number(margin.get("p95"))).append("</td></tr>\n");
    }
    html.append("</table>\n<h2>Measures per strategy (median [5th, 95th percentile])</h2>\n<table><tr><th>measure</th>");
    for (String name : strategies.keySet()) {
      html.append("<th>").append(escape(name)).append("</th>");
    }
    html.append("</tr>\n");
    Map<String, Object> meanings = (Map<String, Object>) tree.get("measures");
    for (String measure : meanings.keySet()) {
      html.append("<tr><td title=\"").append(escape(String.valueOf(meanings.get(measure)))).append("\">").append(escape(measure)).append("</td>");
      for (Object s : strategies.values()) {
        Map<String, Object> band = (Map<String, Object>) ((Map<String, Object>) s).get(measure);
        html.append("<td>").append(number(band.get("p50"))).append(" [").append(number(band.get("p5"))).append(", ")
            .append(number(band.get("p95"))).append("]</td>");
      }
      html.append("</tr>\n");
    }
    html.append("<tr><td>mean skill (12 orderings)</td>");
    for (Object s : strategies.values()) {
      html.append("<td>").append(number(((Map<String, Object>) s).get("mean_skill"))).append("</td>");
    }
    html.append("</tr></table>\n");
    Object fork = tree.get("sovereign_fork_cost");
    if (fork != null) {
      html.append("<h2>What the sovereign fork costs (paired against the same runs without it)</h2>\n<table><tr><th>strategy</th>"
          + "<th>exposure-days</th><th>essential exposure-days</th><th>exploitable days</th></tr>\n");
      for (Map.Entry<String, Object> e : ((Map<String, Object>) fork).entrySet()) {
        Map<String, Object> cost = (Map<String, Object>) e.getValue();
        html.append("<tr><td>").append(escape(e.getKey())).append("</td>");
        for (String key : List.of("exposure_days", "exposure_days_essential", "exploitable_days")) {
          Map<String, Object> band = (Map<String, Object>) cost.get(key);
          html.append("<td>").append(number(band.get("p50"))).append(" [").append(number(band.get("p5"))).append(", ")
              .append(number(band.get("p95"))).append("]</td>");
        }
        html.append("</tr>\n");
      }
      html.append("</table>\n");
    }
    html.append("<h2>Vulnerable deployments by sector, country and criticality (median at day ")
        .append(middleDay(strategies)).append(" and at the horizon)</h2>\n<table><tr><th>series</th>");
    for (String name : strategies.keySet()) {
      html.append("<th>").append(escape(name)).append("</th>");
    }
    html.append("</tr>\n");
    Map<String, Object> firstCurves = (Map<String, Object>) ((Map<String, Object>) strategies.values().iterator().next()).get("vulnerable_deployments");
    for (String series : firstCurves.keySet()) {
      if (series.equals("days")) {
        continue;
      }
      html.append("<tr><td>").append(escape(series)).append("</td>");
      for (Object s : strategies.values()) {
        Map<String, Object> curve = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) s).get("vulnerable_deployments")).get(series);
        List<Integer> p50 = (List<Integer>) curve.get("p50");
        html.append("<td>").append(p50.get(p50.size() / 2)).append(" / ").append(p50.get(p50.size() - 1)).append("</td>");
      }
      html.append("</tr>\n");
    }
    html.append("</table>\n<h2>Injects</h2>\n<ul>\n");
    for (Object o : (List<Object>) tree.get("injects")) {
      Map<String, Object> inject = (Map<String, Object>) o;
      html.append("<li>").append(escape(String.valueOf(inject.get("type")))).append(inject.containsKey("at_day")
          ? " at day " + number(inject.get("at_day")) : " " + number(inject.get("after_days")) + " days after " + inject.get("on"));
      if (inject.containsKey("countries")) {
        html.append(" (").append(escape(String.join(", ", (List<String>) inject.get("countries")))).append(")");
      }
      if (inject.containsKey("note")) {
        html.append(": ").append(escape(String.valueOf(inject.get("note"))));
      }
      html.append("</li>\n");
    }
    html.append("</ul>\n");
    Object beside = tree.get("humans_beside_strategies");
    if (beside != null) { // an after-action report (ADR 0158)
      html.append("<h2>After action: the humans beside the strategies (medians)</h2>\n<table><tr><th>measure</th><th>better</th><th>humans</th>");
      Map<String, Object> first = (Map<String, Object>) ((Map<String, Object>) ((List<Object>) beside).get(0)).get("strategies");
      for (String name : first.keySet()) {
        html.append("<th>").append(escape(name)).append("</th>");
      }
      html.append("<th>humans' rank</th></tr>\n");
      for (Object o : (List<Object>) beside) {
        Map<String, Object> row = (Map<String, Object>) o;
        html.append("<tr><td>").append(escape(String.valueOf(row.get("measure")))).append("</td><td>").append(row.get("better"))
            .append("</td><td>").append(number(row.get("humans"))).append("</td>");
        for (Object value : ((Map<String, Object>) row.get("strategies")).values()) {
          html.append("<td>").append(number(value)).append("</td>");
        }
        html.append("<td>").append(row.get("humans_rank")).append("</td></tr>\n");
      }
      html.append("</table>\n<h2>What the humans played (days)</h2>\n<ul>\n");
      for (Map.Entry<String, Object> e : ((Map<String, Object>) tree.get("played")).entrySet()) {
        html.append("<li>").append(escape(e.getKey())).append(": ").append(e.getValue() == null ? "never" : number(e.getValue())).append("</li>\n");
      }
      html.append("</ul>\n<h2>Injects as they arrived</h2>\n<ul>\n");
      for (Object o : (List<Object>) tree.get("injects_arrived")) {
        Map<String, Object> inject = (Map<String, Object>) o;
        html.append("<li>").append(escape(String.valueOf(inject.get("type")))).append(" at day ").append(number(inject.get("day"))).append("</li>\n");
      }
      html.append("</ul>\n");
    }
    html.append("</body></html>\n");
    return html.toString();
  }

  @SuppressWarnings("unchecked")
  private static int middleDay(Map<String, Object> strategies) {
    List<Integer> days = (List<Integer>) ((Map<String, Object>) ((Map<String, Object>) strategies.values().iterator().next())
        .get("vulnerable_deployments")).get("days");
    return days.get(days.size() / 2);
  }

  /** One plot: per strategy, the 90% band as a translucent polygon and the median as a line. */
  @SuppressWarnings("unchecked")
  private static String plot(Map<String, Object> strategies, String series, int horizon) {
    int max = 1;
    for (Object s : strategies.values()) {
      Map<String, Object> curve = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) s).get("vulnerable_deployments")).get(series);
      for (int v : (List<Integer>) curve.get("p95")) {
        max = Math.max(max, v);
      }
    }
    StringBuilder svg = new StringBuilder();
    svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(WIDTH).append("\" height=\"").append(HEIGHT)
        .append("\" role=\"img\" aria-label=\"").append(escape(series)).append("\">\n");
    svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#888\"/>", PAD, HEIGHT - PAD, WIDTH - PAD / 2, HEIGHT - PAD));
    svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#888\"/>\n", PAD, PAD / 2, PAD, HEIGHT - PAD));
    for (int tick = 0; tick <= 4; tick++) {
      int day = horizon * tick / 4;
      double x = x(day, horizon);
      svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" font-size=\"11\" text-anchor=\"middle\">day %d</text>", x, HEIGHT - PAD + 16, day));
      int value = max * tick / 4;
      svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" font-size=\"11\" text-anchor=\"end\">%d</text>\n", PAD - 4, y(value, max) + 4, value));
    }
    int colour = 0;
    for (Object s : strategies.values()) {
      String c = COLOURS[colour++ % COLOURS.length];
      Map<String, Object> curves = (Map<String, Object>) ((Map<String, Object>) s).get("vulnerable_deployments");
      List<Integer> days = (List<Integer>) curves.get("days");
      Map<String, Object> curve = (Map<String, Object>) curves.get(series);
      List<Integer> p5 = (List<Integer>) curve.get("p5");
      List<Integer> p50 = (List<Integer>) curve.get("p50");
      List<Integer> p95 = (List<Integer>) curve.get("p95");
      StringBuilder band = new StringBuilder();
      for (int i = 0; i < days.size(); i++) {
        band.append(String.format(Locale.ROOT, "%.1f,%.1f ", x(days.get(i), horizon), y(p95.get(i), max)));
      }
      for (int i = days.size() - 1; i >= 0; i--) {
        band.append(String.format(Locale.ROOT, "%.1f,%.1f ", x(days.get(i), horizon), y(p5.get(i), max)));
      }
      svg.append("<polygon fill=\"").append(c).append("\" fill-opacity=\"0.15\" stroke=\"none\" points=\"").append(band.toString().strip()).append("\"/>\n");
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < days.size(); i++) {
        line.append(String.format(Locale.ROOT, "%.1f,%.1f ", x(days.get(i), horizon), y(p50.get(i), max)));
      }
      svg.append("<polyline fill=\"none\" stroke=\"").append(c).append("\" stroke-width=\"2\" points=\"").append(line.toString().strip()).append("\"/>\n");
    }
    return svg.append("</svg>\n").toString();
  }

  private static double x(double day, int horizon) {
    return PAD + (WIDTH - 1.5 * PAD) * day / horizon;
  }

  private static double y(double value, int max) {
    return HEIGHT - PAD - (HEIGHT - 1.5 * PAD) * value / max;
  }

  /** A number as text: integers without decimals, others with up to three; "never" for null. */
  static String number(Object value) {
    if (value == null) {
      return "never";
    }
    double d = ((Number) value).doubleValue();
    return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : String.format(Locale.ROOT, "%.3f", d);
  }

  static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
