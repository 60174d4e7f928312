package hv.publish;

/** report.html's inline style sheet and its one small script (the program selector). No fonts or images are fetched. */
final class ReportStyle {

  private ReportStyle() {}

  static final String CSS = """
      :root{--ink:#1d2733;--muted:#5f6b7a;--line:#d9dee5;--paper:#ffffff;--bg:#f4f6f9;--accent:#2f5d8a;
      --better:#1a7f4b;--watch-better:#9fd6b4;--within:#c9d3de;--watch-worse:#f6c48f;--worse:#c8412f;--state:#1d2733}
      *{box-sizing:border-box}
      body{margin:0;background:var(--bg);color:var(--ink);font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif}
      header,section,footer{max-width:1200px;margin:0 auto;padding:0 24px}
      header{padding-top:28px;padding-bottom:8px}
      h1{font-size:26px;margin:0 0 6px;letter-spacing:-.01em}
      h2{font-size:19px;margin:0 0 4px;padding-top:28px;border-top:1px solid var(--line)}
      h3{font-size:16px;margin:14px 0 6px}
      .lede{color:var(--muted);max-width:900px;margin:0 0 12px}
      nav{display:flex;flex-wrap:wrap;gap:8px;margin:8px 0 4px}
      nav a{background:var(--accent);color:#fff;text-decoration:none;padding:5px 12px;border-radius:14px;font-size:13px}
      section{margin-bottom:18px}
      .note{color:var(--muted);margin:2px 0 12px;max-width:920px}
      .hint{color:var(--muted);font-size:12px;font-weight:normal}
      .code{display:inline-block;font:600 11px/1 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;background:#e6ebf1;color:var(--accent);padding:3px 5px;border-radius:4px;vertical-align:1px}
      .supp{color:var(--muted);font-style:italic}
      .none{color:var(--muted)}
      table{border-collapse:collapse;background:var(--paper);width:100%}
      table.bench{box-shadow:0 1px 2px rgba(0,0,0,.06);border-radius:6px;overflow:hidden}
      .bench th,.bench td{padding:5px 10px;border-bottom:1px solid #edf0f4;text-align:left;vertical-align:middle}
      .bench thead th{font-size:12px;color:var(--muted);font-weight:600;background:#fafbfc}
      .bench tr.area th{background:#eef2f6;color:var(--accent);font-size:12px;text-transform:uppercase;letter-spacing:.04em}
      .num{text-align:right !important;font-variant-numeric:tabular-nums;white-space:nowrap}
      .rate{font-weight:600}
      .interval{color:var(--muted)}
      td.chart,th.chart{width:250px;min-width:250px;padding:2px 10px}
      td.measure{min-width:240px}
      .scroll{overflow-x:auto}
      table.heat{font-size:12px;box-shadow:0 1px 2px rgba(0,0,0,.06)}
      .heat th,.heat td{border:2px solid var(--paper);padding:4px 3px;text-align:center;font-variant-numeric:tabular-nums}
      .heat thead th{font:600 11px ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;color:var(--muted)}
      .heat tbody th{text-align:left;white-space:nowrap;font-weight:normal;padding-right:10px}
      .heat a{font-weight:600;color:var(--accent)}
      .pname{color:var(--muted)}
      .heat td.better,i.better,.badge.better{background:var(--better);color:#fff}
      .heat td.watch-better,i.watch-better,.badge.watch-better{background:var(--watch-better)}
      .heat td.within,i.within,.badge.within{background:var(--within)}
      .heat td.watch-worse,i.watch-worse,.badge.watch-worse{background:var(--watch-worse)}
      .heat td.worse,i.worse,.badge.worse{background:var(--worse);color:#fff}
      .heat td.too-few,i.too-few,.badge.too-few{background:#fff;color:var(--muted);outline:1px dashed var(--line);outline-offset:-3px}
      .heat td.suppressed,i.suppressed,.badge.suppressed{background:repeating-linear-gradient(135deg,#eceff3 0 4px,#dfe4ea 4px 8px);color:var(--muted)}
      .heat td.none,i.none,.badge.none{background:#f7f8fa;color:#aab2bd}
      .legend{display:flex;flex-wrap:wrap;gap:6px 16px;font-size:12px;color:var(--muted);margin:8px 0 12px}
      .legend i{display:inline-block;width:14px;height:14px;border-radius:3px;margin-right:5px;vertical-align:-3px}
      .badge{display:inline-block;font-size:11px;padding:2px 7px;border-radius:10px;white-space:nowrap}
      .choose{margin:16px 0 4px}
      select{font:inherit;padding:4px 8px;border:1px solid var(--line);border-radius:5px;background:#fff;min-width:280px}
      .state-mark{border-bottom:3px solid var(--state)}
      .grid{display:grid;gap:14px}
      .grid.two{grid-template-columns:repeat(auto-fill,minmax(540px,1fr))}
      .grid.three{grid-template-columns:repeat(auto-fill,minmax(360px,1fr))}
      .grid.four{grid-template-columns:repeat(auto-fill,minmax(270px,1fr))}
      figure.card{margin:0;background:var(--paper);border-radius:6px;padding:10px 12px;box-shadow:0 1px 2px rgba(0,0,0,.06)}
      figcaption{font-weight:600;margin-bottom:4px}
      figure p.hint{margin:2px 0 0}
      svg{display:block;max-width:100%;height:auto}
      svg text{font:11px system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;fill:var(--muted)}
      svg text.label{fill:var(--ink)}
      svg text.head{font-weight:600;fill:var(--accent)}
      svg text.value{fill:var(--ink);font-weight:600}
      svg .grid-line{stroke:#e8ecf1;stroke-width:1}
      svg .axis{stroke:#b8c2cd;stroke-width:1}
      svg .ci{stroke:var(--accent);stroke-width:6;stroke-linecap:round;opacity:.28}
      svg .whisker{stroke:var(--ink);stroke-width:1.2}
      svg .dot{fill:var(--accent);stroke:#fff;stroke-width:1.5}
      svg .bar{fill:var(--accent);opacity:.75}
      svg .state-line{stroke:var(--state);stroke-width:1.5;stroke-dasharray:4 3}
      svg .state-tick{stroke:var(--state);stroke-width:3}
      svg .band-998{fill:#e3e9f0}
      svg .band-95{fill:#cdd8e4}
      svg .limit{fill:none;stroke:#9fb0c3;stroke-width:1}
      svg .trend-band{fill:var(--accent);opacity:.15}
      svg .trend-line{fill:none;stroke:var(--accent);stroke-width:2}
      svg .hatch{fill:url(#hatch)}
      svg circle.point{stroke:#fff;stroke-width:1}
      svg circle.better{fill:var(--better)} svg circle.watch-better{fill:#4fae78} svg circle.within{fill:#7f93a8}
      svg circle.watch-worse{fill:#e8913a} svg circle.worse{fill:var(--worse)}
      svg circle.too-few{fill:#fff;stroke:#8c99a8;stroke-width:1.3} svg circle.none{fill:none}
      footer{color:var(--muted);font-size:12px;padding-top:12px;padding-bottom:40px;border-top:1px solid var(--line)}
      @media print{nav,.choose{display:none}.program[hidden]{display:block}body{background:#fff}}
      """;

  /** Shows the chosen program's figures (the select, or a click on a program in the table above it). */
  static final String SCRIPT = """
      (function(){var s=document.getElementById('program-select');if(!s){return;}
      function show(id){document.querySelectorAll('.program').forEach(function(p){p.hidden=p.id!==id;});s.value=id;}
      s.addEventListener('change',function(){show(s.value);});
      window.addEventListener('hashchange',function(){var id=location.hash.slice(1);if(document.getElementById(id)){show(id);}});
      var start=location.hash.slice(1);if(start.indexOf('p-')===0){if(document.getElementById(start)){show(start);}}})();
      """;
}
