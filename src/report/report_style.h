// The report's stylesheet, inlined in its <head>: system fonts, light and
// dark schemes, print-friendly.
#ifndef ROOST_REPORT_REPORT_STYLE_H_
#define ROOST_REPORT_REPORT_STYLE_H_

namespace roost::report {

inline constexpr const char* kReportCss = R"css(
:root{--fg:#1f2430;--muted:#5b6475;--line:#e3e6ec;--card:#fff;--bg:#f6f7f9;--accent:#2563eb;--bar:#93b4f5;--warn:#b45309}
@media (prefers-color-scheme:dark){:root{--fg:#e6e8ee;--muted:#a0a8b8;--line:#2c3140;--card:#161a22;--bg:#0f1218;--bar:#3b5fb0}}
*{box-sizing:border-box}
body{margin:0;background:var(--bg);color:var(--fg);font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}
main{max-width:960px;margin:0 auto;padding:24px}
header h1{margin:0 0 4px;font-size:26px}
header p{margin:0;color:var(--muted)}
section{background:var(--card);border:1px solid var(--line);border-radius:10px;padding:16px 20px;margin:16px 0}
section h2{margin:0 0 12px;font-size:18px}
.tiles{display:grid;grid-template-columns:repeat(auto-fit,minmax(160px,1fr));gap:12px}
.tile{border:1px solid var(--line);border-radius:8px;padding:10px 12px}
.tile b{display:block;font-size:22px}
.tile span{color:var(--muted);font-size:13px}
.grid2{display:grid;grid-template-columns:repeat(auto-fit,minmax(380px,1fr));gap:16px}
table{width:100%;border-collapse:collapse}
td,th{padding:4px 6px;text-align:left;border-bottom:1px solid var(--line);font-variant-numeric:tabular-nums}
th{color:var(--muted);font-weight:600;font-size:13px}
td.num,th.num{text-align:right;white-space:nowrap}
.bar{height:10px;background:var(--bar);border-radius:3px;min-width:1px}
.note{color:var(--muted);font-size:13px}
.withheld{fill:var(--line);opacity:.6}
svg.chart{width:100%;height:auto}
svg .grid{stroke:var(--line)}
svg .tick{fill:var(--muted);font-size:11px}
svg .line{stroke-width:2}
.redacted{color:var(--warn);font-style:italic}
.badge{display:inline-block;border:1px solid var(--line);border-radius:999px;padding:0 8px;margin:2px;font-size:13px}
footer{color:var(--muted);font-size:12px;margin:24px 0}
@media print{body{background:#fff}section{break-inside:avoid}}
)css";

}  // namespace roost::report

#endif  // ROOST_REPORT_REPORT_STYLE_H_
