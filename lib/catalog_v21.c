/* SPDX-License-Identifier: MIT */
/* The built-in ISOMM v2.1 catalogue: roles (generated), functions with this project's
 * strength/weakness comments, and the model's static texts. Constant data only. */
#include "internal.h"
#include "catalog.h"

#define ROLE(i, c, f, d, seed, nja, nen, sja, sen) \
    { (i), (c), (f), (d), (seed), (nja), (nen), (sja), (sen) }

/* Comments on strengths and weaknesses (ISOMM-MODEL.md section 6): a first sentence on the
 * function, then a closing sentence chosen by the maturity band (1: m < 2, 2: 2 <= m < 3,
 * 3: 3 <= m < 4, 4: 4 <= m < 5, 5: m = 5), so that no comment contradicts its score. The first
 * sentence is the function's purpose (neutral) where its achievement or shortfall would not
 * fit the band: a strength below 3, a weakness at 4 or more. Strength at 4 and weakness at 3 are
 * the slides' examples, also kept as the model's strength_* / weakness_* texts. */
#define S1_JA "比較的進んでいますが、まだほとんど実施できていません。担当を決め、基本的な業務から始めましょう。"
#define S1_EN " It is further along than the weakest functions, but it is still largely not done: decide who does it and start with its basic tasks."
#define S2_JA "比較的進んでいますが、まだ担当者に頼っており、運用が明文化されていません。運用を文書にし、他者が代行できるようにしましょう。"
#define S2_EN " It is further along than the weakest functions, but it still rests on the person in charge and is not written down: document it so that someone else can stand in."
#define S3_JA "実務では機能していますが、やり方が担当者の中にとどまっています。運用を明文化し、他者が交代できるようにしましょう。"
#define S3_EN " It works in practice, but the know-how stays with the people who do it: write the procedures down so that others can take over."
#define S4_JA "実務では機能しているので、関係部門を巻き込み、組織としての取り組みに定着させましょう。"
#define S4_EN " It works in practice: now make it the organisation's own, with the related departments involved."
#define S5_JA "明文化された運用が権限ある組織長に承認されています。定期的に見直し、そのやり方を他の機能にも広げましょう。"
#define S5_EN " Its documented procedures are approved by an accountable executive: keep them under review and share the approach with the other functions."
#define W1_JA "ほとんど実施できていないので、担当を決め、最も基本的な業務から始めましょう。"
#define W1_EN " It is largely not done yet: name someone responsible and start with its most basic tasks."
#define W2_JA "担当者に頼っていて運用が明文化されていないので、やり方を文書にし、他者が代行できるようにしましょう。"
#define W2_EN " It rests on the person in charge and nothing is written down: document how it is done so that others can stand in."
#define W3_JA "組織として機能していない部分があるので、対象範囲と運用を見直して改善しましょう。"
#define W3_EN " Parts of it do not work as an organisation yet: review its scope and improve how it is run."
#define W4_JA "運用は明文化され他者も交代できますが、最も進んだ機能より遅れています。運用を権限ある組織長に承認してもらい、結果が想定通りかを確かめましょう。"
#define W4_EN " It is documented and others can take over, yet it trails the strongest functions: have its procedures approved by an accountable executive and check that its results meet expectations."
#define W5_JA "明文化された運用が権限ある組織長に承認されています。この水準を保ちましょう。"
#define W5_EN " It is documented and approved by an accountable executive: keep it at this level."

/* X(index, code, name_ja, name_en, first_role, role_count, purpose_ja, purpose_en,
 *   achieved_ja, achieved_en, shortfall_ja, shortfall_en) */
#define FUNCTIONS(X) \
    X(0, "A", "セキュリティ対応組織運営", "Security response organisation management", 0, 6, \
      "セキュリティ対応組織運営は、組織として何を守りどう動くかの方針・基準・リソースを定める機能です。", \
      "Security response management sets the policy, criteria and resources that decide what the organisation protects and how it acts.", \
      "セキュリティ対応の方針・基準・リソースが定められ、組織として何を守りどう動くかが明確になっています。", \
      "Policy, criteria and resources for security response are defined, so the organisation knows what it protects and how it acts.", \
      "セキュリティ対応の方針・基準・リソースの整備が不十分で、インシデント時の判断が個人に依存しています。", \
      "Policy, criteria and resources for security response are not fully defined, so decisions in an incident rest on individuals.") \
    X(1, "B", "リアルタイムアナリシス（即時分析）", "Real-time analysis", 6, 5, \
      "リアルタイムアナリシスは、ログを常時監視・分析して攻撃の兆候を早く捉え、報告する機能です。", \
      "Real-time analysis watches and analyses logs continuously to catch signs of attack early and report them.", \
      "ログを常時監視・分析し、攻撃の兆候を早く捉えて報告できています。", \
      "Logs are monitored and analysed continuously, so signs of attack are caught early and reported.", \
      "常時監視と即時分析が十分でなく、攻撃の兆候を見逃したり報告が遅れたりするおそれがあります。", \
      "Continuous monitoring and real-time analysis fall short, so signs of attack may be missed or reported late.") \
    X(2, "C", "ディープアナリシス（深掘分析）", "Deep analysis", 11, 5, \
      "ディープアナリシスは、フォレンジックや検体解析で攻撃の経路と手法を解明する機能です。", \
      "Deep analysis uses forensics and sample analysis to find out how attacks came in and what they did.", \
      "フォレンジックや検体解析により、攻撃の経路と手法を深く解明できています。", \
      "Forensics and sample analysis reveal how attacks came in and what they did.", \
      "フォレンジックや検体解析の力が足りず、攻撃の全容や被害の範囲を明らかにできないおそれがあります。", \
      "Forensics and sample analysis are lacking, so the full extent of an attack and its damage may stay unknown.") \
    X(3, "D", "インシデント対応", "Incident response", 16, 8, \
      "インシデント対応は、インシデントの受付から対処、報告までを進めて被害の拡大を抑える機能です。", \
      "Incident response takes an incident from intake through containment to reporting, to keep the damage small.", \
      "インシデントの受付から対処、報告までを一貫して進め、被害の拡大を抑えられています。", \
      "Incidents are handled end to end, from intake to containment and reporting, which keeps damage small.", \
      "インシデントの受付から対処、報告までの流れが整っておらず、対応の遅れや被害の拡大につながるおそれがあります。", \
      "The path from intake to containment and reporting is not joined up, which risks slow response and wider damage.") \
    X(4, "E", "セキュリティ対応状況の診断と評価", "Security posture diagnosis and evaluation", 24, 7, \
      "診断と評価は、守る対象の資産と脆弱性を把握し、対策が効いているかを確かめる機能です。", \
      "Posture diagnosis and evaluation keeps track of assets and vulnerabilities and tests whether the defences hold.", \
      "守る対象の資産と脆弱性を把握し、診断と評価で対策が効いていることを確かめられています。", \
      "Assets and vulnerabilities are known, and assessments and exercises confirm that the defences work.", \
      "守る対象の資産や脆弱性の把握、診断と評価が足りず、弱点に気づけないおそれがあります。", \
      "Assets, vulnerabilities and the testing of defences are not well covered, so weak spots may go unnoticed.") \
    X(5, "F", "脅威情報の収集および分析と評価", "Threat intelligence collection, analysis and evaluation", 31, 4, \
      "脅威情報の収集と分析は、社内外の脅威情報を集めて評価し、対策に生かせるよう関係者に届ける機能です。", \
      "Threat intelligence gathers and evaluates internal and external threat information and hands it to the people who act on it.", \
      "社内外の脅威情報を集めて評価し、関係者に届けて対策に生かせています。", \
      "Internal and external threat information is gathered, evaluated and handed to the people who act on it.", \
      "脅威情報の収集、評価、共有が足りず、新しい脅威への備えが遅れるおそれがあります。", \
      "Threat information is not gathered, evaluated or shared enough, so preparation for new threats lags behind.") \
    X(6, "G", "セキュリティ対応システム運用・開発", "Security system operation and development", 35, 10, \
      "セキュリティ対応システムの運用・開発は、検知と対応を支えるセキュリティ製品や分析基盤を運用する機能です。", \
      "Security system operation and development runs the security products and the analysis platform that detection and response rely on.", \
      "セキュリティ製品や分析基盤を安定して運用し、検知と対応を支える仕組みが整っています。", \
      "Security products and the analysis platform run reliably and carry detection and response.", \
      "セキュリティ製品や分析基盤の運用が安定せず、検知と対応を支えきれないおそれがあります。", \
      "Security products and the analysis platform are not run reliably enough to carry detection and response.") \
    X(7, "H", "内部統制・内部不正対応支援", "Internal control and insider fraud response support", 45, 3, \
      "内部統制・内部不正対応支援は、監査データの管理や内部不正の検知・調査を支援する機能です。", \
      "Internal control support manages audit data and supports the detection and investigation of insider fraud.", \
      "監査データの管理や内部不正の検知・調査を支援し、組織の内側のリスクにも目が届いています。", \
      "Audit data is managed and insider fraud detection and investigation are supported, so risks from inside are watched.", \
      "内部統制や内部不正への支援が足りず、組織の内側のリスクを見落とすおそれがあります。", \
      "Support for internal control and insider fraud cases is thin, so risks from inside may be overlooked.") \
    X(8, "I", "外部組織との積極的連携", "Active collaboration with external parties", 48, 6, \
      "外部組織との連携は、社員の意識啓発や人材の確保、外部の団体やベンダーとの連携で対応力を高める機能です。", \
      "External collaboration builds response capacity through awareness work, talent and ties with communities and vendors.", \
      "社員の意識啓発や人材の確保、外部の団体やベンダーとの連携が進み、組織の対応力を高めています。", \
      "Awareness work, talent and ties with communities and vendors raise the organisation's capacity to respond.", \
      "社員の意識啓発や人材の確保、外部との連携が足りず、対応力を広げる機会を逃しています。", \
      "Awareness work, hiring and ties with outside parties fall short, and chances to grow response capacity are missed.")

#define FUNC_INFO(i, c, nja, nen, first, count, pja, pen, aja, aen, sja, sen) \
    { (i), (c), (nja), (nen), (first), (count), aja S4_JA, aen S4_EN, sja W3_JA, sen W3_EN },

#define FUNC_COMMENTS(i, c, nja, nen, first, count, pja, pen, aja, aen, sja, sen) \
    { { { sja W1_JA, sen W1_EN }, { sja W2_JA, sen W2_EN }, { sja W3_JA, sen W3_EN }, \
        { pja W4_JA, pen W4_EN }, { pja W5_JA, pen W5_EN } }, \
      { { pja S1_JA, pen S1_EN }, { pja S2_JA, pen S2_EN }, { aja S3_JA, aen S3_EN }, \
        { aja S4_JA, aen S4_EN }, { aja S5_JA, aen S5_EN } } },

const struct isomm_model isomm__catalog_v21 = {
    "ISOMM v2.1",
    {
#include "catalog_roles.inc"
    },
    {
        FUNCTIONS(FUNC_INFO)
    },
    NULL,
};

const char *const isomm__band_comments[ISOMM_FUNCTION_COUNT][2][5][2] = {
    FUNCTIONS(FUNC_COMMENTS)
};

const isomm_pattern_info isomm__patterns[ISOMM_PATTERN_COUNT] = {
    { ISOMM_PATTERN_FULL_OUTSOURCE, "full-outsource", "フルアウトソース", "Full outsource", 0 },
    { ISOMM_PATTERN_MINIMUM_INSOURCE, "minimum-insource", "ミニマムインソース", "Minimum insource", 1 },
    { ISOMM_PATTERN_HYBRID, "hybrid", "ハイブリッド", "Hybrid", 2 },
    { ISOMM_PATTERN_MINIMUM_OUTSOURCE, "minimum-outsource", "ミニマムアウトソース", "Minimum outsource", 3 },
    { ISOMM_PATTERN_FULL_INSOURCE, "full-insource", "フルインソース", "Full insource", 4 },
};

/* [sourcing - 1][level][lang] */
const char *const isomm__scale[2][ISOMM_LEVEL_MAX + 1][2] = {
    {
        { "インソースでの実装を検討したものの、結果として実施しないと判断した",
          "Considered and decided not to do it in-house" },
        { "実施できていない", "Not done" },
        { "運用が明文化されておらず、担当者が業務を実施できる",
          "Done by the person in charge, undocumented" },
        { "運用が明文化されておらず、担当者に代わり他者が臨時で一部の業務を代行できる",
          "Undocumented, but someone else can stand in for part of it" },
        { "運用が明文化されており、担当者と交代して他者が業務を実施できる",
          "Documented, others can take over" },
        { "明文化された運用がCISOなど権限ある組織長に承認されている",
          "Documented procedures approved by an accountable executive such as the CISO" },
    },
    {
        { "アウトソースでの実装を検討したものの、結果として実施しないと判断した",
          "Considered and decided not to outsource it" },
        { "結果や報告を確認できていない", "Results and reports are not checked" },
        { "サービス内容と得られる結果を理解できていない",
          "Neither the service nor its results are understood" },
        { "サービス内容、得られる結果のいずれかが理解できていない",
          "Either the service or its results is not understood" },
        { "サービス内容と得られる結果を理解できているが、想定未満",
          "Both are understood, but results fall short of expectations" },
        { "サービス内容と得られる結果を理解でき、想定通り",
          "Both are understood and results meet expectations" },
    },
};
