/* SPDX-License-Identifier: MIT */
/* Reports: text, Markdown, JSON, SVG and HTML of the worked example and of edge cases. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <isomm/isomm.h>

/* The worked example, tests/data/example-1.csv: one assessment, 51 answered roles, 3 notes. */
static isomm_assessment *example(void)
{
    isomm_assessment **list = NULL, *a;
    size_t count = 0;

    cr_assert_eq(isomm_csv_read_file(&list, &count, ISOMM_TEST_DATA "/example-1.csv", NULL, NULL), ISOMM_OK);
    cr_assert_eq(count, 1);
    cr_assert_eq(isomm_assessment_copy(&a, list[0], NULL), ISOMM_OK);
    isomm_assessment_array_free(list, count);
    return a;
}

static isomm_result *evaluate(const isomm_assessment *a, isomm_pattern target)
{
    isomm_eval_options eo = ISOMM_EVAL_OPTIONS_INIT;
    isomm_result *r = NULL;

    eo.target = target;
    cr_assert_eq(isomm_evaluate(&r, a, &eo, NULL), ISOMM_OK);
    return r;
}

static char *render(const isomm_result *r, isomm_format format, isomm_lang lang)
{
    isomm_report_options o = ISOMM_REPORT_OPTIONS_INIT;
    char *out = NULL;
    size_t len = 0;

    o.format = format;
    o.lang = lang;
    cr_assert_eq(isomm_report_render(&out, &len, r, &o, NULL), ISOMM_OK);
    cr_assert_not_null(out);
    cr_assert_eq(strlen(out), len);
    return out;
}

static size_t count(const char *haystack, const char *needle)
{
    size_t n = 0;
    const char *p = haystack;

    while ((p = strstr(p, needle)) != NULL) {
        n++;
        p += strlen(needle);
    }
    return n;
}

#define assert_has(doc, needle) cr_assert(strstr((doc), (needle)) != NULL, "missing: %s", (needle))

static isomm_assessment *a1;
static isomm_result *r1;

static void setup(void)
{
    a1 = example();
    r1 = evaluate(a1, ISOMM_PATTERN_NONE);
}

static void teardown(void)
{
    isomm_result_free(r1);
    isomm_assessment_free(a1);
}

TestSuite(report, .init = setup, .fini = teardown);

Test(report, text_english_has_every_section)
{
    char *t = render(r1, ISOMM_FORMAT_TEXT, ISOMM_LANG_EN);

    cr_assert(strncmp(t, "ISOMM maturity report: example-1\n", 33) == 0);
    assert_has(t, "  Organisation     Example Corp\n");
    assert_has(t, "  Target pattern   Minimum outsource\n");
    /* at 80 columns the name column is 44 wide: longer names wrap below with a hanging indent */
    assert_has(t, "  B  Real-time analysis                            2.7 / 5  ");
    assert_has(t, "  F  Threat intelligence collection, analysis and  3.0 / 5  ");
    assert_has(t, "\n     evaluation\n  G  ");
    assert_has(t, "     Overall maturity                              2.5 / 5  ");
    assert_has(t, "\nStrengths\n  A  Security response organisation management  3.0 / 5\n");
    assert_has(t, "\nWeaknesses\n  D  Incident response  1.9 / 5\n");
    assert_has(t, "Recommendations (against the pattern: Minimum outsource)\n  Insourced roles to strengthen\n"
                  "    I-6   Collaboration with security communities (Insource, level 1)\n"
                  "          next: level 2 — Done by the person in charge, undocumented\n"
                  "    A-1   Overall policy management (Insource, level 2)\n"
                  "          next: level 3 — Undocumented, but someone else can stand in for part\n"
                  "            of it\n");
    assert_has(t, "\nAction plan\n  The roles of the recommendation lists first, then the others in catalogue\n"
                  "  order, each with its next step.\n"
                  "   1. I-6   Collaboration with security communities (Insource, level 1)\n"
                  "            next: level 2 — Done by the person in charge, undocumented\n");
    assert_has(t, "  16. A-5   Security response effectiveness measurement (unanswered)\n"
                  "            Assess this role (it is unanswered)\n");
    assert_has(t, "  46. I-5   Collaboration with security vendors (Insource, level 2)\n");
    cr_assert_null(strstr(t, "  47. "));
    /* the comments of the bands: A at 3.0 (band 3), D at 1.9 (band 1) */
    assert_has(t, "It works in practice,\n     but the know-how stays");
    assert_has(t, "It is largely not done yet: name\n     someone responsible");
    assert_has(t, "  Roles to consider outsourcing\n    C-3   Malware sample analysis (Insource, level 1)\n");
    assert_has(t, "\nPattern fit\n  The pattern closest to the recorded sourcing: Minimum outsource (19\n"
                  "    mismatches)\n  Current pattern (Hybrid): 24 mismatches\n");
    assert_has(t, "Unanswered roles (3, counted as level 1)\n    A-5   ");
    assert_has(t, "        SIEM, 2 admins\n        rotating\n");
    assert_has(t, "  ! Some roles are unanswered; they count as level 1.\n");
    isomm_free(t);
}

Test(report, text_bar_is_four_cells_per_level)
{
    char *t = render(r1, ISOMM_FORMAT_TEXT, ISOMM_LANG_EN);

    /* A 3.0 = 12 full cells and 8 empty cells. */
    assert_has(t, "3.0 / 5  \u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588"
                  "\u2591\u2591\u2591\u2591\u2591\u2591\u2591\u2591\n");
    isomm_free(t);
}

Test(report, text_japanese_aligns_wide_characters)
{
    char *t = render(r1, ISOMM_FORMAT_TEXT, ISOMM_LANG_JA);

    /* Both names are padded to the widest name (34 columns) before the value. */
    assert_has(t, "  A  セキュリティ対応組織運営            3.0 / 5  ");
    assert_has(t, "  G  セキュリティ対応システム運用・開発  2.8 / 5  ");
    assert_has(t, "  目標パターン    ミニマムアウトソース\n");
    assert_has(t, "    I-6   セキュリティ関連団体との連携（インソース、レベル 1）\n");
    assert_has(t, "未回答の役割（3、レベル1として計算）\n");
    isomm_free(t);
}

Test(report, markdown_has_tables_and_escapes_user_text)
{
    char *t;

    cr_assert_eq(isomm_assessment_set_meta(a1, ISOMM_META_ORGANIZATION, "R|D *team*", NULL), ISOMM_OK);
    t = render(r1, ISOMM_FORMAT_MARKDOWN, ISOMM_LANG_EN);
    cr_assert(strncmp(t, "# ISOMM maturity report: example-1\n", 35) == 0);
    assert_has(t, "# ISOMM maturity report: example-1\n\n- **Organisation:** R\\|D \\*team\\*\n");
    cr_assert_null(strstr(t, "| |"), "no empty header cell");
    assert_has(t, "\n| Code | Function | Maturity | Bar |\n|---|---|---:|---|\n"
                  "| A | Security response organisation management | 3.0 / 5 | `");
    assert_has(t, "\n## Roles\n\n| Role | Function | Sourcing | Level | Expected | Next step |\n"
                  "|---|---|---|---:|---|---|\n"
                  "| A-1 Overall policy management | A | Insource | 2 | Insource | 3 — Undocumented, but someone "
                  "else can stand in for part of it |\n");
    assert_has(t, "| A-5 Security response effectiveness measurement | A | unanswered | - | Insource | "
                  "Assess this role (it is unanswered) |\n");
    cr_assert_eq(count(t, "\n| A-"), 6);
    cr_assert_eq(count(t, "\n| I-"), 6);
    assert_has(t, "\n## Action plan\n\nThe roles of the recommendation lists first");
    assert_has(t, "\n1. I-6 Collaboration with security communities (Insource, level 1): next: level 2 — Done by "
                  "the person in charge, undocumented\n");
    assert_has(t, "\n## Strengths\n\n- **A Security response organisation management** (3.0 / 5): ");
    assert_has(t, "\n### Insourced roles to strengthen\n\n- I-6 Collaboration with security communities (Insource, level 1)"
                  " — next: level 2 — Done by the person in charge, undocumented\n");
    assert_has(t, "- G-6 Analysis platform basic operation: SIEM, 2 admins rotating\n");
    isomm_free(t);
}

Test(report, json_object_of_the_worked_example)
{
    char *t = render(r1, ISOMM_FORMAT_JSON, ISOMM_LANG_EN);

    cr_assert(strncmp(t, "{\"assessment\": \"example-1\",\n  \"organization\": \"Example Corp\",", 61) == 0);
    assert_has(t, "\"current_pattern\": \"hybrid\",\n  \"target_pattern\": \"minimum-outsource\",");
    assert_has(t, "\"unanswered\": [\"A-5\", \"D-5\", \"E-7\"]");
    assert_has(t, "{\"code\": \"B\", \"name\": \"Real-time analysis\", \"maturity\": 2.6666666666666665, "
                  "\"rated_roles\": 3, \"excluded_roles\": 2}");
    assert_has(t, "\"overall_maturity\": 2.4631393298059963,");
    assert_has(t, "{\"code\": \"A-5\", \"function\": \"A\", \"domain\": \"II\", \"sourcing\": null, \"level\": null, "
                  "\"expected_sourcing\": \"insource\", \"note\": null, \"next_level\": null, "
                  "\"next_step\": \"Assess this role (it is unanswered)\"}");
    assert_has(t, "{\"code\": \"A-1\", \"function\": \"A\", \"domain\": \"I\", \"sourcing\": \"insource\", \"level\": 2, "
                  "\"expected_sourcing\": \"insource\", \"note\": \"方針は年1回見直し\", \"next_level\": 3, "
                  "\"next_step\": \"Undocumented, but someone else can stand in for part of it\"}");
    assert_has(t, "\"note\": \"vendor \\\"X\\\", sandbox only\", \"next_level\"");
    assert_has(t, "\"note\": \"SIEM, 2 admins\\nrotating\", \"next_level\"");
    assert_has(t, "\"strengths\": [{\"function\": \"A\", \"maturity\": 3.0, \"band\": 3, \"comment\": \"Policy, criteria "
                  "and resources for security response are defined, so the organisation knows what it protects and how "
                  "it acts. It works in practice, but the know-how stays with the people who do it: write the procedures "
                  "down so that others can take over.\"}, {\"function\": \"F\", \"maturity\": 3.0, \"band\": 3, ");
    assert_has(t, "\"weaknesses\": [{\"function\": \"D\", \"maturity\": 1.8571428571428572, \"band\": 1, \"comment\": "
                  "\"The path from intake to containment and reporting is not joined up, which risks slow response and "
                  "wider damage. It is largely not done yet: name someone responsible and start with its most basic "
                  "tasks.\"}, {\"function\": \"C\", \"maturity\": 2.0, \"band\": 2, ");
    assert_has(t, "\"action_plan\": [\"I-6\", \"A-1\", \"B-4\", \"C-2\", \"G-7\", \"C-1\", \"D-3\", \"D-6\", \"D-7\", "
                  "\"C-3\", \"E-6\", \"G-2\", \"A-2\", \"A-3\", \"A-4\", \"A-5\", \"A-6\", \"B-2\",");
    assert_has(t, "\"strengthen_insource\": [\"I-6\", \"A-1\", \"B-4\"]");
    assert_has(t, "\"switch_to_outsource\": [\"C-3\", \"E-6\", \"G-2\"]");
    assert_has(t, "\"pattern_fit\": {\"pattern\": \"minimum-outsource\", \"mismatches\": 19, \"current_pattern_mismatches\": 24}");
    cr_assert(strstr(t, "\"warnings\": [\"unanswered\"]}\n") != NULL && t[strlen(t) - 2] == '}');
    cr_assert_eq(count(t, "{\"code\": \""), 9 + 54);
    isomm_free(t);
}

Test(report, json_override_target_and_fallback_to_current)
{
    isomm_result *r = evaluate(a1, ISOMM_PATTERN_FULL_INSOURCE);
    char *t = render(r, ISOMM_FORMAT_JSON, ISOMM_LANG_EN);

    assert_has(t, "\"target_pattern\": \"full-insource\"");
    assert_has(t, "\"strengthen_insource\": [\"C-3\", \"I-6\", \"A-1\"]");
    isomm_free(t);
    isomm_result_free(r);

    cr_assert_eq(isomm_assessment_set_pattern(a1, 0, ISOMM_PATTERN_NONE, NULL), ISOMM_OK);
    r = evaluate(a1, ISOMM_PATTERN_NONE);
    t = render(r, ISOMM_FORMAT_JSON, ISOMM_LANG_EN);
    assert_has(t, "\"target_pattern\": null");
    assert_has(t, "\"strengthen_insource\": [\"I-6\", \"A-1\", \"D-8\"]");
    assert_has(t, "\"warnings\": [\"target_from_current\", \"unanswered\"]");
    isomm_free(t);
    isomm_result_free(r);
}

Test(report, json_nulls_for_values_that_do_not_exist)
{
    isomm_assessment *a = NULL;
    isomm_result *r;
    char *t;
    int i;

    cr_assert_eq(isomm_assessment_new(&a, NULL, NULL), ISOMM_OK);
    for (i = 6; i < 11; i++) /* every role of B at level 0 */
        cr_assert_eq(isomm_assessment_set_index(a, i, ISOMM_OUTSOURCE, 0, NULL, NULL), ISOMM_OK);
    r = evaluate(a, ISOMM_PATTERN_NONE);
    t = render(r, ISOMM_FORMAT_JSON, ISOMM_LANG_JA);
    assert_has(t, "{\"assessment\": \"default\",\n  \"organization\": null,\n  \"assessor\": null,\n  \"date\": null,\n"
                  "  \"current_pattern\": null,\n  \"target_pattern\": null,");
    assert_has(t, "{\"code\": \"B\", \"name\": \"リアルタイムアナリシス（即時分析）\", \"maturity\": null, "
                  "\"rated_roles\": 0, \"excluded_roles\": 5}");
    assert_has(t, "\"overall_maturity\": 1.0,");
    assert_has(t, "{\"code\": \"A-1\", \"function\": \"A\", \"domain\": \"I\", \"sourcing\": null, \"level\": null, "
                  "\"expected_sourcing\": null, \"note\": null, \"next_level\": null, "
                  "\"next_step\": \"この役割を評価しましょう（未回答）\"}");
    assert_has(t, "{\"code\": \"B-1\", \"function\": \"B\", \"domain\": \"III\", \"sourcing\": \"outsource\", \"level\": 0, "
                  "\"expected_sourcing\": null, \"note\": null, \"next_level\": null, \"next_step\": null}");
    /* every function at 1.0: no contrast; nothing rated: no pattern fit */
    assert_has(t, "\"strengths\": [],\n  \"weaknesses\": [],");
    assert_has(t, "\"pattern_fit\": {\"pattern\": null, \"mismatches\": 0, \"current_pattern_mismatches\": null}");
    assert_has(t, "\"warnings\": [\"no_pattern\", \"unanswered\", \"function_no_maturity\", \"no_contrast\", \"no_fit\"]");
    isomm_free(t);
    /* the HTML page says why there is no pattern fit instead of naming one */
    t = render(r, ISOMM_FORMAT_HTML, ISOMM_LANG_EN);
    assert_has(t, "<h2>Pattern fit</h2>\n<p><span class=\"muted\">");
    assert_has(t, "<h2>Pattern fit</h2>\n<p><span class=\"muted\">No role is answered at level 1 or more, so no pattern "
                  "can be fitted.</span></p>");
    cr_assert_null(strstr(t, "mismatches)"));
    /* every function at 1.0: neither strengths nor weaknesses, and the page says why */
    cr_assert_eq(count(t, "<div class=\"card strength\">"), 0);
    cr_assert_eq(count(t, "<p class=\"muted\">none (every function has the same maturity)</p>"), 2);
    isomm_free(t);
    isomm_result_free(r);
    isomm_assessment_free(a);
}

Test(report, json_list_is_an_array)
{
    const isomm_result *two[2] = { r1, r1 };
    isomm_report_options o = ISOMM_REPORT_OPTIONS_INIT;
    char *t = NULL;
    size_t len = 0;

    o.format = ISOMM_FORMAT_JSON;
    cr_assert_eq(isomm_report_render_list(&t, &len, NULL, 0, &o, NULL), ISOMM_OK);
    cr_assert_str_eq(t, "[]\n");
    cr_assert_eq(len, 3);
    isomm_free(t);
    cr_assert_eq(isomm_report_render_list(&t, NULL, two, 2, &o, NULL), ISOMM_OK);
    cr_assert(strncmp(t, "[{\"assessment\": \"example-1\"", 27) == 0);
    cr_assert_eq(count(t, "\"assessment\": "), 2);
    assert_has(t, "]},\n {\"assessment\"");
    cr_assert(strcmp(t + strlen(t) - 3, "}]\n") == 0);
    isomm_free(t);
}

Test(report, radar_has_nine_points_and_labels)
{
    char *t = render(r1, ISOMM_FORMAT_SVG_RADAR, ISOMM_LANG_JA);

    cr_assert(strncmp(t, "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"isomm-radar\"", 59) == 0);
    cr_assert_eq(count(t, "<circle class=\"point\""), 9);
    cr_assert_eq(count(t, "class=\"point\""), 9);
    cr_assert_eq(count(t, "<polygon class=\"series\""), 1);
    /* Labels break only between phrases: "A セキュリティ対応組織運営" (26 columns) has no such
     * place and stays whole; B breaks before its bracket, E after the particle の, H after ・. */
    assert_has(t, "<tspan x=\"400.0\" dy=\"0.0\">A セキュリティ対応組織運営</tspan></text>");
    assert_has(t, ">B リアルタイムアナリシス</tspan><tspan x=\"526.0\" dy=\"16.2\">（即時分析）</tspan>");
    assert_has(t, ">E セキュリティ対応状況の</tspan><tspan x=\"467.0\" dy=\"16.2\">診断と評価</tspan>");
    assert_has(t, ">H 内部統制・</tspan><tspan x=\"207.0\" dy=\"16.2\">内部不正対応支援</tspan>");
    assert_has(t, "<title>機能別の成熟度 \u2014 example-1</title>");
    /* one series: its value under each label, no legend */
    assert_has(t, "font-weight=\"bold\" fill=\"#1f5fa8\">2.7</text>");
    cr_assert_eq(count(t, "<g class=\"legend\""), 0);
    cr_assert_eq(count(t, "stroke-dasharray"), 0);
    cr_assert(strcmp(t + strlen(t) - 7, "</svg>\n") == 0);
    isomm_free(t);
}

Test(report, radar_second_series_and_missing_value)
{
    isomm_assessment *b = NULL;
    isomm_result *rb;
    isomm_report_options o = ISOMM_REPORT_OPTIONS_INIT;
    char *t = NULL;
    int i;

    cr_assert_eq(isomm_assessment_new(&b, NULL, NULL), ISOMM_OK);
    for (i = 0; i < 6; i++) /* every role of A at level 0: A has no maturity */
        cr_assert_eq(isomm_assessment_set_index(b, i, ISOMM_INSOURCE, 0, NULL, NULL), ISOMM_OK);
    rb = evaluate(b, ISOMM_PATTERN_NONE);
    o.format = ISOMM_FORMAT_SVG_RADAR;
    o.lang = ISOMM_LANG_EN;
    o.second = rb;
    o.second_label = "Target <2027>";
    cr_assert_eq(isomm_report_render(&t, NULL, r1, &o, NULL), ISOMM_OK);
    /* the second series has its own dash and marker (squares) as well as its colour */
    cr_assert_eq(count(t, "<circle class=\"point\""), 9);
    cr_assert_eq(count(t, "<rect class=\"point\""), 8);
    cr_assert_eq(count(t, "<polygon class=\"series\""), 1);
    cr_assert_eq(count(t, "<path class=\"series\""), 1);
    assert_has(t, "<path class=\"series\" d=\"M");
    assert_has(t, "fill=\"none\" stroke=\"#b84a00\" stroke-width=\"2.5\" stroke-dasharray=\"9 4\"");
    /* the legend is a table under the chart: label, then one value per function, "-" for none */
    assert_has(t, "<g class=\"legend\" font-size=\"13\">\n<line x1=\"24\" y1=\"600.0\"");
    assert_has(t, ">Target &lt;2027&gt;</text><text x=\"270.0\" y=\"664.0\" text-anchor=\"middle\" fill=\"#b84a00\">-</text>");
    assert_has(t, ">example-1</text><text x=\"270.0\" y=\"640.0\" text-anchor=\"middle\" fill=\"#1f5fa8\">3.0</text>");
    assert_has(t, "height=\"678.0\" viewBox=\"0 0 800.0 678.0\"");
    isomm_free(t);
    isomm_result_free(rb);
    isomm_assessment_free(b);
}

Test(report, radar_of_a_list_draws_one_series_per_result)
{
    const isomm_result *two[2] = { r1, r1 };
    isomm_report_options o = ISOMM_REPORT_OPTIONS_INIT;
    char *t = NULL;

    o.format = ISOMM_FORMAT_SVG_RADAR;
    cr_assert_eq(isomm_report_render_list(&t, NULL, two, 2, &o, NULL), ISOMM_OK);
    cr_assert_eq(count(t, "class=\"point\""), 18);
    cr_assert_eq(count(t, ">example-1</text>"), 2);
    isomm_free(t);
}

/* Six series share one chart, each with its own colour, dash and marker; seven are drawn as
 * small multiples, one small radar each, so that no chart holds more styles than it has. */
Test(report, radar_of_many_results_is_small_multiples)
{
    const isomm_result *seven[7] = { r1, r1, r1, r1, r1, r1, r1 };
    isomm_report_options o = ISOMM_REPORT_OPTIONS_INIT;
    const char *shapes[] = { "<circle class=\"point\"", "<rect class=\"point\"", "<path class=\"point\"" };
    char *t = NULL;
    int i;

    o.format = ISOMM_FORMAT_SVG_RADAR;
    cr_assert_eq(isomm_report_render_list(&t, NULL, seven, 6, &o, NULL), ISOMM_OK);
    cr_assert_eq(count(t, "class=\"point\""), 54);
    cr_assert_eq(count(t, shapes[0]), 9);
    cr_assert_eq(count(t, shapes[1]), 9);
    cr_assert_eq(count(t, shapes[2]), 36);
    for (i = 1; i < 6; i++) {
        char dash[64];
        snprintf(dash, sizeof dash, "stroke-dasharray=\"%s\"", i == 1 ? "9 4" : i == 2 ? "2 4" : i == 3 ? "12 4 3 4" :
                 i == 4 ? "5 3" : "14 3 2 3 2 3");
        cr_assert_eq(count(t, dash), 2, "%s", dash); /* the outline and its legend line */
    }
    cr_assert_eq(count(t, "<g class=\"small\">"), 0);
    isomm_free(t);
    cr_assert_eq(isomm_report_render_list(&t, NULL, seven, 7, &o, NULL), ISOMM_OK);
    cr_assert_eq(count(t, "<g class=\"small\">"), 7);
    cr_assert_eq(count(t, "<circle class=\"point\""), 63);
    cr_assert_eq(count(t, "stroke-dasharray"), 0);
    cr_assert_eq(count(t, "<g class=\"legend\""), 0);
    /* two rows of four: 52 + 2 x 214 + 8 */
    assert_has(t, "width=\"800.0\" height=\"488.0\"");
    isomm_free(t);
}

Test(report, role_chart_draws_every_role_by_kind)
{
    char *t = render(r1, ISOMM_FORMAT_SVG_ROLES, ISOMM_LANG_EN);

    cr_assert(strncmp(t, "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"isomm-roles\"", 59) == 0);
    cr_assert_eq(count(t, "<rect class=\"bar "), 54);
    cr_assert_eq(count(t, "<rect class=\"bar unanswered\""), 3);
    cr_assert_eq(count(t, "<rect class=\"bar level0\""), 8);
    cr_assert_eq(count(t, "<rect class=\"bar insource\""), 22);
    cr_assert_eq(count(t, "<rect class=\"bar outsource\""), 21);
    cr_assert_eq(count(t, "<g class=\"function\">"), 9);
    assert_has(t, "<title>C-3 Malware sample analysis: Insource, level 1</title>");
    /* a horizontal bar per role with its code and name beside it, the level after the bar */
    assert_has(t, ">C-3</text><text x=\"46.0\" y=\"413.5\" font-size=\"12\" fill=\"#212529\">Malware sample analysis</text>"
                  "<rect class=\"bar insource\" x=\"424.0\" y=\"403.0\" width=\"48.0\" height=\"12.0\" fill=\"#1f5fa8\">");
    /* outsourced bars carry a dashed white line, to be told apart without colour */
    cr_assert_eq(count(t, "stroke=\"#ffffff\" stroke-width=\"2\" stroke-dasharray=\"4 3\""), 21 + 1);
    /* the key to both scales, in the model's words */
    assert_has(t, ">What the levels mean (0-5)</text>");
    assert_has(t, isomm_scale_text(ISOMM_INSOURCE, 4, ISOMM_LANG_EN));
    assert_has(t, isomm_scale_text(ISOMM_OUTSOURCE, 0, ISOMM_LANG_EN));
    isomm_free(t);
}

Test(report, html_is_one_self_contained_page)
{
    char *t;

    cr_assert_eq(isomm_assessment_set_meta(a1, ISOMM_META_ORGANIZATION, "R&D <SOC>", NULL), ISOMM_OK);
    t = render(r1, ISOMM_FORMAT_HTML, ISOMM_LANG_JA);
    cr_assert(strncmp(t, "<!DOCTYPE html>\n<html lang=\"ja\">", 32) == 0);
    /* the radar, a meter per function, the role chart's legend and a drawing per function */
    cr_assert_eq(count(t, "<svg "), 1 + 9 + 1 + 9);
    cr_assert_eq(count(t, "<svg class=\"meter\""), 9);
    cr_assert_eq(count(t, "class=\"isomm-roles\""), 9);
    cr_assert_eq(count(t, "http"), 10); /* the SVG namespace names, nothing fetched */
    cr_assert_eq(count(t, "xmlns=\"http://www.w3.org/2000/svg\""), 10);
    cr_assert_eq(count(t, "src="), 0);
    cr_assert_eq(count(t, "<link"), 0);
    cr_assert_eq(count(t, "<script"), 0);
    cr_assert_eq(count(t, "url("), 0);
    assert_has(t, "<dd>R&amp;D &lt;SOC&gt;</dd>");
    /* each role of a list with its next step (section 7.1) */
    assert_has(t, "<li><b>I-6</b> セキュリティ関連団体との連携<span class=\"muted\">（<span class=\"in\">インソース</span>、レベル 1）</span>"
                  "<span class=\"step\"><b>→ レベル 2</b>：運用が明文化されておらず、担当者が業務を実施できる</span></li>");
    /* the table of all roles in action-plan order: the lists' roles first (I-6 heads the first
     * list), an unanswered role's step is to assess it */
    cr_assert(strstr(t, "<tr><td class=\"code\">I-6</td>") < strstr(t, "<tr><td class=\"code\">A-1</td>"));
    assert_has(t, "<tr><td class=\"code\">I-6</td><td>セキュリティ関連団体との連携<span class=\"muted\">（II）</span></td>"
                  "<td><span class=\"in\">インソース</span></td><td><span class=\"in\">インソース</span></td><td class=\"num\">1 → 2</td>"
                  "<td class=\"prose\">運用が明文化されておらず、担当者が業務を実施できる</td><td class=\"note\"></td></tr>");
    assert_has(t, "<td class=\"num\"><span class=\"muted\">?</span></td><td class=\"prose\">この役割を評価しましょう（未回答）</td>");
    cr_assert_eq(count(t, "<td class=\"prose\">"), 54);
    assert_has(t, "<td class=\"note\">vendor &quot;X&quot;, sandbox only</td>");
    /* the four lists carry the sheet's one-line captions */
    assert_has(t, "<h3>より強化すべきインソースの役割</h3>\n<p class=\"caption\">自組織での能力をより高めるべきもの</p>");
    assert_has(t, "<h3>インソースへの切り替えを検討すべき役割</h3>\n<p class=\"caption\">自組織での実施を検討すべきもの</p>");
    /* the key to both scales, the print rules and the ISOG-J attribution in the footer */
    assert_has(t, "<tr><td class=\"num\">5</td><td>明文化された運用がCISOなど権限ある組織長に承認されている</td>"
                  "<td>サービス内容と得られる結果を理解でき、想定通り</td></tr>");
    assert_has(t, "@page{size:A4;margin:14mm 13mm 15mm}");
    assert_has(t, "print-color-adjust:exact");
    assert_has(t, ":lang(ja) body{word-break:keep-all}");
    assert_has(t, "<footer><p>役割・機能・パターン・尺度の出典: ISOG-J（日本セキュリティオペレーション事業者協議会）");
    assert_has(t, "CC BY 4.0（creativecommons.org/licenses/by/4.0）");
    cr_assert(strcmp(t + strlen(t) - 8, "</html>\n") == 0);
    isomm_free(t);
}

Test(report, html_of_a_list_starts_with_an_overview)
{
    const isomm_result *two[2] = { r1, r1 };
    isomm_report_options o = ISOMM_REPORT_OPTIONS_INIT;
    char *t = NULL;

    o.format = ISOMM_FORMAT_HTML;
    o.lang = ISOMM_LANG_EN;
    cr_assert_eq(isomm_report_render_list(&t, NULL, two, 2, &o, NULL), ISOMM_OK);
    cr_assert_eq(count(t, "<section class=\"overview\">"), 1);
    cr_assert_eq(count(t, "<section class=\"assessment brief\">"), 2);
    cr_assert_eq(count(t, "<svg "), 1 + 2 * 20);
    /* the overview opens with a table of all assessments, then one radar of both */
    assert_has(t, "<h2>All assessments (2)</h2>\n<table class=\"summary long\">");
    cr_assert_eq(count(t, "<tr><td class=\"id\">example-1</td><td>Example Corp</td><td>CSIRT lead</td><td class=\"nowrap\">2026-11-01</td>"
                          "<td class=\"num\"><b>2.5</b></td><td class=\"num\">3.0</td>"), 2);
    cr_assert(strstr(t, "<table class=\"summary long\">") < strstr(t, "class=\"isomm-radar\""));
    cr_assert_eq(count(t, "class=\"isomm-radar\""), 3);
    isomm_free(t);
    /* beyond six assessments the overview is the table alone: one radar per section */
    {
        const isomm_result *seven[7] = { r1, r1, r1, r1, r1, r1, r1 };
        cr_assert_eq(isomm_report_render_list(&t, NULL, seven, 7, &o, NULL), ISOMM_OK);
        assert_has(t, "<h2>All assessments (7)</h2>");
        cr_assert_eq(count(t, "<tr><td class=\"id\">example-1</td>"), 7);
        cr_assert_eq(count(t, "class=\"isomm-radar\""), 7);
        cr_assert_eq(count(t, "<section class=\"assessment brief\">"), 7);
    }
    isomm_free(t);
}

Test(report, text_list_separates_reports)
{
    const isomm_result *two[2] = { r1, r1 };
    isomm_report_options o = ISOMM_REPORT_OPTIONS_INIT;
    char *t = NULL;

    o.format = ISOMM_FORMAT_MARKDOWN;
    cr_assert_eq(isomm_report_render_list(&t, NULL, two, 2, &o, NULL), ISOMM_OK);
    cr_assert_eq(count(t, "\n---\n\n# ISOMM"), 1);
    isomm_free(t);
}

Test(report, control_characters_never_reach_xml)
{
    char *t;

    cr_assert_eq(isomm_assessment_set_note(a1, "A-2", "bell\a here", NULL), ISOMM_OK);
    t = render(r1, ISOMM_FORMAT_HTML, ISOMM_LANG_EN);
    assert_has(t, "<td class=\"note\">bell here</td>");
    isomm_free(t);
    t = render(r1, ISOMM_FORMAT_JSON, ISOMM_LANG_EN);
    assert_has(t, "\"note\": \"bell\\u0007 here\"");
    isomm_free(t);
}

Test(report, bad_arguments)
{
    isomm_report_options o = ISOMM_REPORT_OPTIONS_INIT;
    const isomm_result *none[1] = { NULL };
    const isomm_result *two[2] = { r1, r1 };
    isomm_error err;
    char *t = (char *)"untouched";

    cr_assert_eq(isomm_report_render(NULL, NULL, r1, NULL, &err), ISOMM_EINVAL);
    cr_assert_eq(isomm_report_render(&t, NULL, NULL, NULL, &err), ISOMM_EINVAL);
    cr_assert_null(t);
    o.version = 99;
    cr_assert_eq(isomm_report_render(&t, NULL, r1, &o, &err), ISOMM_EOPTIONS);
    cr_assert_eq(err.code, ISOMM_EOPTIONS);
    cr_assert_str_eq(err.message, "report options version 99 is not supported (expected 1 or 2)");
    o.version = ISOMM_REPORT_OPTIONS_VERSION;
    o.width = -1;
    cr_assert_eq(isomm_report_render(&t, NULL, r1, &o, &err), ISOMM_EOPTIONS);
    cr_assert_str_eq(err.message, "report width -1 is negative (expected columns, or 0 for 80)");
    o.width = 80;
    o.version = ISOMM_REPORT_OPTIONS_VERSION;
    o.format = (isomm_format)6;
    cr_assert_eq(isomm_report_render(&t, NULL, r1, &o, &err), ISOMM_EOPTIONS);
    o.format = ISOMM_FORMAT_TEXT;
    o.lang = (isomm_lang)2;
    cr_assert_eq(isomm_report_render(&t, NULL, r1, &o, &err), ISOMM_EOPTIONS);
    o.lang = ISOMM_LANG_EN;
    cr_assert_eq(isomm_report_render_list(&t, NULL, NULL, 0, &o, &err), ISOMM_EEMPTY);
    cr_assert_eq(isomm_report_render_list(&t, NULL, NULL, 1, &o, &err), ISOMM_EINVAL);
    cr_assert_eq(isomm_report_render_list(&t, NULL, none, 1, &o, &err), ISOMM_EINVAL);
    o.format = ISOMM_FORMAT_SVG_ROLES;
    cr_assert_eq(isomm_report_render_list(&t, NULL, two, 2, &o, &err), ISOMM_EINVAL);
    cr_assert_str_eq(err.message, "report: a role chart shows one assessment, got 2");
    cr_assert_eq(isomm_report_write(NULL, r1, NULL, &err), ISOMM_EINVAL);
    cr_assert_eq(isomm_report_write_list(NULL, two, 2, NULL, &err), ISOMM_EINVAL);
    cr_assert_eq(isomm_model_render_json(&t, NULL, NULL, &err), ISOMM_EINVAL);
}

Test(report, write_to_a_stream_equals_render)
{
    FILE *fp = tmpfile();
    char *t = render(r1, ISOMM_FORMAT_TEXT, ISOMM_LANG_JA), *back;
    size_t len = strlen(t);
    isomm_report_options o = ISOMM_REPORT_OPTIONS_INIT;

    cr_assert_not_null(fp);
    cr_assert_eq(isomm_report_write(fp, r1, &o, NULL), ISOMM_OK);
    cr_assert_eq((size_t)ftell(fp), len);
    rewind(fp);
    back = calloc(1, len + 1);
    cr_assert_eq(fread(back, 1, len, fp), len);
    cr_assert_str_eq(back, t);
    free(back);
    fclose(fp);
    isomm_free(t);
}

Test(report, write_failure_is_an_io_error)
{
    FILE *fp = fopen("/dev/full", "w");
    const isomm_result *one[1] = { r1 };
    isomm_error err;

    cr_assert_not_null(fp);
    cr_assert_eq(isomm_report_write(fp, r1, NULL, &err), ISOMM_EIO);
    cr_assert_eq(isomm_report_write_list(fp, one, 1, NULL, &err), ISOMM_EIO);
    fclose(fp);
}

Test(report, model_json_lists_the_catalogue)
{
    char *t = NULL;
    size_t len = 0;

    cr_assert_eq(isomm_model_render_json(&t, &len, isomm_model_default(), NULL), ISOMM_OK);
    cr_assert_eq(strlen(t), len);
    cr_assert(strncmp(t, "{\"name\": \"ISOMM v2.1\",", 22) == 0);
    cr_assert_eq(count(t, "\"domain_source\": "), 54);
    cr_assert_eq(count(t, "\"insourced_domains\": "), 5);
    cr_assert_eq(count(t, "{\"level\": "), 12);
    assert_has(t, "\"roles\": [\"G-1\", \"G-2\", \"G-3\", \"G-4\", \"G-5\", \"G-6\", \"G-7\", \"G-8\", \"G-9\", \"G-10\"]");
    assert_has(t, "{\"id\": \"hybrid\", \"name_ja\": \"ハイブリッド\", \"name_en\": \"Hybrid\", \"insourced_domains\": [\"I\", \"II\"]}");
    assert_has(t, "{\"code\": \"IV\", ");
    cr_assert_eq(count(t, "{\"band\": "), 9 * 2 * 5);
    assert_has(t, "\"comments\": {\"strength\": [\n    {\"band\": 1, \"ja\": \"セキュリティ対応組織運営は、");
    assert_has(t, "{\"band\": 5, \"ja\": \"外部組織との連携は、");
    isomm_free(t);
}

/* CC BY 4.0: the catalogue never goes out without its source, author and licence. */
Test(report, model_json_carries_the_attribution)
{
    const isomm_attribution *at = isomm_model_attribution();
    char *t = NULL;

    cr_assert_str_eq(at->licence, "CC BY 4.0");
    cr_assert_str_eq(at->licence_url, "https://creativecommons.org/licenses/by/4.0/");
    cr_assert_str_eq(at->author_ja, "日本セキュリティオペレーション事業者協議会");
    cr_assert_str_eq(at->model, "ISOG-J SOC/CSIRT Maturity Model (ISOMM) v2.1");
    cr_assert(strstr(at->notice_en, "CC BY 4.0") && strstr(at->notice_ja, "CC BY 4.0"));
    cr_assert(strstr(at->changes_en, "English") && strstr(at->changes_en, "\"default\""));
    cr_assert_eq(isomm_model_render_json(&t, NULL, isomm_model_default(), NULL), ISOMM_OK);
    assert_has(t, "{\"name\": \"ISOMM v2.1\",\n \"attribution\": {\"title\": \"「セキュリティ対応組織（SOC/CSIRT）の教科書」"
                  "ハンドブック化と情報共有の「5W1H」改版について\",\n  \"model\": \"ISOG-J SOC/CSIRT Maturity Model (ISOMM) v2.1\",\n"
                  "  \"author_ja\": \"日本セキュリティオペレーション事業者協議会\", \"author_en\": \"ISOG-J (Information "
                  "Security Operation providers Group Japan)\",\n  \"licence\": \"CC BY 4.0\", \"licence_url\": "
                  "\"https://creativecommons.org/licenses/by/4.0/\",\n  \"changes_ja\": \"libisommはこの資料をデータに変換しました。");
    assert_has(t, "(domain_source \\\"default\\\") are libisomm's own work. ISOG-J does not endorse libisomm.\"},\n \"functions\": [");
    isomm_free(t);
}

/* A custom model's role names are user text: HTML and SVG must escape them. */
Test(report, custom_role_names_are_escaped_in_html_and_svg)
{
    isomm_model *m = NULL;
    isomm_assessment *a = NULL;
    isomm_result *r;
    char *csv = NULL, *html, *svg, *line_end;
    size_t len = 0;
    isomm_error err;

    /* the built-in model's CSV with A-1's English name replaced */
    cr_assert_eq(isomm_model_write_csv_buffer(&csv, &len, isomm_model_default(), NULL), ISOMM_OK);
    {
        const char *old = "Overall policy management";
        char *at = strstr(csv, old), *patched = malloc(len + 64);
        cr_assert_not_null(at);
        line_end = at + strlen(old);
        memcpy(patched, csv, (size_t)(at - csv));
        sprintf(patched + (at - csv), "\"Policy <b>&amp; \"\"x\"\"</b>\"%s", line_end);
        cr_assert_eq(isomm_model_load_csv_buffer(&m, patched, strlen(patched), "custom", &err), ISOMM_OK, "%s",
                     err.message);
        free(patched);
    }
    isomm_free(csv);
    cr_assert_str_eq(isomm_model_role(m, 0)->name_en, "Policy <b>&amp; \"x\"</b>");
    cr_assert_eq(isomm_assessment_new(&a, m, NULL), ISOMM_OK);
    cr_assert_eq(isomm_assessment_set(a, "A-1", ISOMM_INSOURCE, 1, NULL, NULL), ISOMM_OK);
    cr_assert_eq(isomm_assessment_set_pattern(a, 0, ISOMM_PATTERN_HYBRID, NULL), ISOMM_OK);
    r = evaluate(a, ISOMM_PATTERN_NONE);
    html = render(r, ISOMM_FORMAT_HTML, ISOMM_LANG_EN);
    svg = render(r, ISOMM_FORMAT_SVG_ROLES, ISOMM_LANG_EN);
    cr_assert_null(strstr(html, "<b>&amp; "));
    cr_assert_null(strstr(svg, "<b>&amp; "));
    assert_has(html, "Policy &lt;b&gt;&amp;amp; &quot;x&quot;&lt;/b&gt;");
    assert_has(svg, "Policy &lt;b&gt;&amp;amp; &quot;x&quot;&lt;/b&gt;");
    free(html);
    free(svg);
    isomm_result_free(r);
    isomm_assessment_free(a);
    isomm_model_free(m);
}

/* ---- terminal width, escapes, and what the text says when there is nothing to say ---- */

/* Display columns of one line, counted here independently of the library: CJK ideographs,
 * kana, fullwidth forms and CJK punctuation take two columns. */
static size_t line_columns(const char *s, size_t n)
{
    size_t i = 0, cols = 0;
    while (i < n) {
        unsigned char c = (unsigned char)s[i];
        unsigned long cp;
        size_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
        cp = len == 1 ? c : len == 2 ? c & 0x1F : len == 3 ? c & 0x0F : c & 0x07;
        for (size_t k = 1; k < len && i + k < n; k++)
            cp = (cp << 6) | ((unsigned char)s[i + k] & 0x3F);
        cols += (cp >= 0x3000 && cp <= 0x9FFF) || (cp >= 0xFF01 && cp <= 0xFF60) ? 2 : 1;
        i += len;
    }
    return cols;
}

static size_t widest_line(const char *t)
{
    size_t widest = 0;
    while (*t) {
        const char *end = strchr(t, '\n');
        size_t n = end ? (size_t)(end - t) : strlen(t), cols = line_columns(t, n);
        if (cols > widest)
            widest = cols;
        t += n + (end != NULL);
    }
    return widest;
}

static char *render_width(const isomm_result *r, isomm_lang lang, int width)
{
    isomm_report_options o = ISOMM_REPORT_OPTIONS_INIT;
    char *out = NULL;
    o.lang = lang;
    o.width = width;
    cr_assert_eq(isomm_report_render(&out, NULL, r, &o, NULL), ISOMM_OK);
    return out;
}

Test(report, text_fits_every_width)
{
    int width, lang;
    for (lang = 0; lang <= 1; lang++) {
        for (width = 40; width <= 140; width += 4) {
            char *t = render_width(r1, (isomm_lang)lang, width);
            cr_assert_leq(widest_line(t), (size_t)width, "lang %d width %d", lang, width);
            if (width <= 80)
                cr_assert_geq(widest_line(t), (size_t)width - 4, "lang %d width %d uses the width", lang, width);
            isomm_free(t);
        }
    }
}

Test(report, text_width_defaults_minimum_and_bars)
{
    char *dflt = render(r1, ISOMM_FORMAT_TEXT, ISOMM_LANG_EN), *zero = render_width(r1, ISOMM_LANG_EN, 0);
    char *ten = render_width(r1, ISOMM_LANG_EN, 10), *forty = render_width(r1, ISOMM_LANG_EN, 40);
    char *wide = render_width(r1, ISOMM_LANG_EN, 300);

    cr_assert_str_eq(dflt, zero, "width 0 is 80");
    cr_assert_str_eq(ten, forty, "below 40 the layout is that of 40");
    cr_assert_leq(widest_line(forty), 40);
    /* the widest bar is 20 cells (4 per level) however wide the terminal; at 40 it shrinks to 5 */
    assert_has(wide, "  A  Security response organisation management                3.0 / 5  "
                     "\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588"
                     "\u2591\u2591\u2591\u2591\u2591\u2591\u2591\u2591\n");
    assert_has(forty, "3.0 / 5  \u2588\u2588\u2588\u2591\u2591\n");
    isomm_free(dflt);
    isomm_free(zero);
    isomm_free(ten);
    isomm_free(forty);
    isomm_free(wide);
}

struct sink_buf {
    char data[65536];
    size_t len;
};

static int to_sink(void *p, const void *data, size_t len, isomm_error *err)
{
    struct sink_buf *sink = p;
    (void)err;
    cr_assert_leq(sink->len + len, sizeof sink->data);
    memcpy(sink->data + sink->len, data, len);
    sink->len += len;
    return 0;
}

/* The 0.1 layout of the options, without width: still accepted, rendered at 80 columns. */
typedef struct report_options_v1 {
    unsigned int version;
    isomm_format format;
    isomm_lang lang;
    const isomm_result *second;
    const char *second_label;
} report_options_v1;

Test(report, options_version_1_still_accepted)
{
    report_options_v1 *v1 = malloc(sizeof *v1); /* exactly the old size: reading width would overflow */
    char *old = NULL, *now = render(r1, ISOMM_FORMAT_TEXT, ISOMM_LANG_EN);
    isomm_report_stream *s = NULL;

    cr_assert_not_null(v1);
    v1->version = 1;
    v1->format = ISOMM_FORMAT_TEXT;
    v1->lang = ISOMM_LANG_EN;
    v1->second = NULL;
    v1->second_label = NULL;
    cr_assert_eq(isomm_report_render(&old, NULL, r1, (const isomm_report_options *)(const void *)v1, NULL), ISOMM_OK);
    cr_assert_str_eq(old, now);
    isomm_free(old);
    {
        /* the bytes after a version 1 struct hold garbage (here a width of 16843009): never read */
        union { isomm_report_options v2; unsigned char bytes[sizeof(isomm_report_options)]; } room;
        memset(room.bytes, 1, sizeof room.bytes);
        memcpy(room.bytes, v1, sizeof *v1);
        cr_assert_eq(isomm_report_render(&old, NULL, r1, &room.v2, NULL), ISOMM_OK);
        cr_assert_str_eq(old, now);
    }
    /* a stream copies the options: only the part a version 1 struct has */
    {
        struct sink_buf sink = { { 0 }, 0 };
        cr_assert_eq(isomm_report_stream_open(&s, (const isomm_report_options *)(const void *)v1, to_sink, &sink,
                                              NULL), ISOMM_OK);
        cr_assert_eq(isomm_report_stream_add(s, r1, NULL), ISOMM_OK);
        cr_assert_eq(isomm_report_stream_finish(s, NULL), ISOMM_OK);
        cr_assert_eq(sink.len, strlen(now));
        cr_assert(memcmp(sink.data, now, sink.len) == 0);
    }
    isomm_free(old);
    isomm_free(now);
    free(v1);
}

Test(report, text_escapes_control_characters_from_input)
{
    char *t, *md;

    cr_assert_eq(isomm_assessment_set_note(a1, "A-2", "esc\x1b[2J bel\a del\x7f csi\xc2\x9b" "1m", NULL), ISOMM_OK);
    cr_assert_eq(isomm_assessment_set_meta(a1, ISOMM_META_ASSESSOR, "\x1b]0;title\a", NULL), ISOMM_OK);
    t = render(r1, ISOMM_FORMAT_TEXT, ISOMM_LANG_EN);
    assert_has(t, "        esc\\x1b[2J bel\\x07 del\\x7f csi\\u009b1m\n");
    assert_has(t, "  Assessor         \\x1b]0;title\\x07\n");
    cr_assert_null(strchr(t, '\x1b'));
    cr_assert_null(strchr(t, '\a'));
    cr_assert_null(strchr(t, '\x7f'));
    cr_assert_null(strstr(t, "\xc2\x9b"));
    md = render(r1, ISOMM_FORMAT_MARKDOWN, ISOMM_LANG_EN);
    assert_has(md, "esc\\\\x1b\\[2J bel\\\\x07");
    cr_assert_null(strchr(md, '\x1b'));
    isomm_free(t);
    isomm_free(md);
}

Test(report, text_says_why_there_is_no_fit_and_no_contrast)
{
    isomm_assessment *a = NULL;
    isomm_result *r;
    char *en, *ja, *json;

    cr_assert_eq(isomm_assessment_new(&a, NULL, NULL), ISOMM_OK);
    r = evaluate(a, ISOMM_PATTERN_NONE);
    en = render(r, ISOMM_FORMAT_TEXT, ISOMM_LANG_EN);
    ja = render(r, ISOMM_FORMAT_TEXT, ISOMM_LANG_JA);
    json = render(r, ISOMM_FORMAT_JSON, ISOMM_LANG_EN);
    assert_has(en, "\nStrengths\n  none (every function has the same maturity)\n");
    assert_has(en, "\nWeaknesses\n  none (every function has the same maturity)\n");
    assert_has(en, "\nPattern fit\n  No role is answered at level 1 or more, so no pattern can be fitted.\n");
    cr_assert_null(strstr(en, "Full outsource"), "no pattern is named when nothing is rated");
    assert_has(ja, "\nパターン適合\n  レベル1以上で回答された役割がないため、適合するパターンはありません。\n");
    assert_has(en, "  ! No role is answered at level 1 or more, so there is no pattern to fit.\n");
    assert_has(json, "\"pattern_fit\": {\"pattern\": null, \"mismatches\": 0, \"current_pattern_mismatches\": null}");
    isomm_free(en);
    isomm_free(ja);
    isomm_free(json);
    isomm_result_free(r);
    isomm_assessment_free(a);
}

Test(report, text_fits_with_long_unbreakable_input)
{
    char id[201], org[20 * 30 + 1]; /* 20 times 10 characters of 3 bytes */
    int width, lang, i;

    for (i = 0; i < 200; i++)
        id[i] = (char)('a' + i % 26);
    id[200] = '\0';
    org[0] = '\0';
    for (i = 0; i < 20; i++)
        strcat(org, "長い組織名（部署）、");
    cr_assert_eq(isomm_assessment_set_meta(a1, ISOMM_META_ID, id, NULL), ISOMM_OK);
    cr_assert_eq(isomm_assessment_set_meta(a1, ISOMM_META_ORGANIZATION, org, NULL), ISOMM_OK);
    cr_assert_eq(isomm_assessment_set_note(a1, "B-1", "x\x1b\x1b\x1b\x1b\x1b\x1b\x1b\x1b\x1b\x1b\x1b\x1b\x1b\x1b\x1b\x1b"
                                                     "\x1b\x1b\x1b\x1b y。。。。。。。。。。。。。。。。。。。。。", NULL), ISOMM_OK);
    for (lang = 0; lang <= 1; lang++) {
        for (width = 40; width <= 90; width += 7) {
            char *t = render_width(r1, (isomm_lang)lang, width);
            cr_assert_leq(widest_line(t), (size_t)width, "lang %d width %d:\n%s", lang, width, t);
            assert_has(t, "abcdefghij");
            isomm_free(t);
        }
    }
}
