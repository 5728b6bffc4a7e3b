/* SPDX-License-Identifier: MIT */
/* What the writers of comparisons and aggregates share: labels in both languages, answers, level
 * changes and the role statistics cells. Depends on nothing above it. */
#include <stdio.h>
#include <string.h>

#include "internal.h"
#include "numfmt.h"
#include "report_compare.h"
#include "report_internal.h"

/* ---- labels --------------------------------------------------------------------------- */

static const char *const labels[L_COUNT_OF_LABELS][2] = {
    [L_COMPARISON] = { "比較", "Comparison" },
    [L_AGGREGATE_OF] = { "集計（評価数 %d）", "Aggregate of %d assessments" },
    [L_MODEL] = { "モデル", "Model" },
    [L_FUNCTIONS_BY_CHANGE] = { "機能別成熟度（変化の大きい順）", "Function maturity (ordered by change)" },
    [L_CHANGED_ROLES] = { "変化した役割", "Changed roles" },
    [L_NO_CHANGED_ROLES] = { "変化した役割はありません。", "No role changed." },
    [L_SOURCING_CHANGED] = { "ソーシング変更", "sourcing changed" },
    [L_UNANSWERED] = { "未回答", "Unanswered" },
    [L_FUNCTION] = { "機能", "Function" },
    [L_OLD] = { "前", "Old" },
    [L_NEW] = { "後", "New" },
    [L_CHANGE] = { "変化", "Change" },
    [L_ROLE] = { "役割", "Role" },
    [L_NAME] = { "名称", "Name" },
    [L_FUNCTION_STATS] = { "機能別成熟度: 平均（最小–最大）", "Function maturity: mean (min–max)" },
    [L_MEAN] = { "平均", "Mean" },
    [L_MIN] = { "最小", "Min" },
    [L_MAX] = { "最大", "Max" },
    [L_COUNT] = { "回答数", "Count" },
    [L_SPREAD] = { "幅", "Spread" },
    [L_INSOURCE] = { "インソース", "Insource" },
    [L_OUTSOURCE] = { "アウトソース", "Outsource" },
    [L_LEVEL0] = { "レベル0", "Level 0" },
    [L_DISAGREEMENTS] = { "評価が分かれた役割（幅2以上、またはソーシングが分かれた）",
                          "Disagreements (spread of 2 or more, or both sourcings voted)" },
    [L_NO_DISAGREEMENTS] = { "評価が分かれた役割はありません。", "No disagreement." },
    [L_ROLES] = { "役割別", "Roles" },
    [L_YES] = { "あり", "yes" },
    [L_HEATMAP_TITLE] = { "役割別ヒートマップ（役割 × 評価）", "Role heat map (roles × assessments)" },
    [L_FIRST_OF] = { "評価 %d 件のうち最初の %d 件を表示", "%d assessments, the first %d shown" },
    [L_LEVEL] = { "レベル", "Level" },
    [L_RADAR_COMPARISON] = { "成熟度", "Maturity" },
    [L_RADAR_AGGREGATE] = { "評価 %d 件の最小・平均・最大", "%d assessments: min, mean, max" },
    [L_STATUS_COUNTS] = { "役割 %d: 向上 %d、低下 %d、変化なし %d、新たに評価 %d、評価なしに %d、評価なし %d",
                          "%d roles: %d improved, %d declined, %d unchanged, %d added, %d dropped, %d unrated" },
    [L_STATUS] = { "状況", "Status" },
    [L_OVERALL] = { "全体の成熟度", "Overall maturity" },
    [L_COLUMNS_OF] = { "評価 %d〜%d（全 %d 件）", "assessments %d-%d of %d" },
};

const char *isomm__compare_label(isomm_lang lang, enum isomm__compare_label l)
{
    return labels[l][lang];
}

/* ---- shared pieces -------------------------------------------------------------------- */

void isomm__compare_answer(isomm_buf *b, isomm_sourcing s, int level, isomm_lang lang)
{
    if (level == ISOMM_UNANSWERED)
        isomm__buf_puts(b, isomm__compare_label(lang, L_UNANSWERED));
    else
        isomm__buf_printf(b, "%s %d", isomm_sourcing_name(s, lang), level);
}

void isomm__compare_level_change(isomm_buf *b, const isomm_role_change *rc)
{
    if (rc->has_change)
        isomm__buf_printf(b, "%+d", rc->level_change);
    else
        isomm__buf_puts(b, "-");
}

int isomm__compare_role_moved(const isomm_role_change *rc)
{
    return rc->old_level != rc->new_level || rc->old_sourcing != rc->new_sourcing;
}

const enum isomm__compare_label isomm__compare_role_columns[ISOMM__ROLE_COLUMNS] = {
    L_COUNT, L_MEAN, L_MIN, L_MAX, L_SPREAD, L_INSOURCE, L_OUTSOURCE, L_UNANSWERED, L_LEVEL0
};

void isomm__compare_role_cells(const isomm_role_stats *rs, char cells[ISOMM__ROLE_COLUMNS][16])
{
    int values[ISOMM__ROLE_COLUMNS] = { rs->count, 0, rs->min, rs->max, rs->spread, rs->insource, rs->outsource,
                                 rs->unanswered, rs->not_applicable };
    int i;
    for (i = 0; i < ISOMM__ROLE_COLUMNS; i++) {
        if (rs->count == 0 && i >= 1 && i <= 4)
            snprintf(cells[i], sizeof cells[i], "-");
        else if (i == 1)
            isomm__snprintf_c(cells[i], sizeof cells[i], "%.1f", rs->mean);
        else
            snprintf(cells[i], sizeof cells[i], "%d", values[i]);
    }
}

