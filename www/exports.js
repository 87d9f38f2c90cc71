/* 年报校验: the results as plain text (复制结果) and CSV (导出 CSV), and file downloads. */
(function () {
  'use strict';
  var NB = window.NB;
  var App = NB.App, el = NB.el, lineOf = NB.lineOf, SEV = NB.SEV, kindText = NB.kindText, templateText = NB.templateText;

  function csvField(v) {
    var s = v === null || v === undefined ? '' : String(v);
    // Spreadsheets run a cell starting with = + - @ as a formula.
    if (/^[=+\-@\t\r]/.test(s)) s = "'" + s;
    return '"' + s.replace(/"/g, '""') + '"';
  }

  NB.toCsv = function (report, text, dismissed) {
    dismissed = dismissed || {};
    var lines = [['序号', '严重程度', '代码', '行', '说明', '忽略原因'].map(csvField).join(',')];
    report.findings.forEach(function (f, i) {
      var at = f.spans.length ? lineOf(text, f.spans[0].start) : '';
      var sev = i in dismissed ? '已忽略（' + SEV[f.severity] + '）' : SEV[f.severity];
      lines.push([i + 1, sev, f.code, at, f.message, dismissed[i]].map(csvField).join(','));
    });
    lines.push('');
    lines.push(['指标', '项目', '栏目', '单位', '数值', '原文'].map(csvField).join(','));
    report.cells.forEach(function (c) {
      lines.push([c.indicator, c.label, c.column, c.unit, c.value, c.raw].map(csvField).join(','));
    });
    return '\uFEFF' + lines.join('\r\n') + '\r\n';
  };

  NB.toPlainText = function (report, text, dismissed) {
    dismissed = dismissed || {};
    var out = ['年报校验结果', NB.summaryText(report.findings, dismissed, report.coverage)];
    out.push('类型：' + kindText(report) + '；模板：' + templateText(report) + '；年度：' +
      (report.year || '未识别') + '；机关：' + (report.agency || '未识别'));
    out.push('');
    var line = function (f, i) {
      var at = f.spans.length ? '第 ' + lineOf(text, f.spans[0].start) + ' 行 ' : '';
      return (i + 1) + '. [' + SEV[f.severity] + '] ' + f.code + ' ' + at + f.message;
    };
    report.findings.forEach(function (f, i) { if (!(i in dismissed)) out.push(line(f, i)); });
    if (Object.keys(dismissed).length) {
      out.push('', '已忽略的问题：');
      report.findings.forEach(function (f, i) {
        if (i in dismissed) out.push(line(f, i) + '（忽略原因：' + dismissed[i] + '）');
      });
    }
    if (report.cells.length) {
      out.push('', '读出的统计表：');
      report.cells.forEach(function (c) {
        out.push([c.label, c.column || '', c.unit || '', c.raw].join('\t'));
      });
    }
    return out.join('\n') + '\n';
  };

  App.prototype.copy = function () {
    if (!this.report) return;
    var self = this, text = NB.toPlainText(this.report, this.reportText, this.dismissed);
    function fallback() {
      var t = el('textarea', 'nb-offscreen');
      t.value = text;
      self.c.appendChild(t);
      t.select();
      var ok = false;
      try { ok = document.execCommand('copy'); } catch (e) { ok = false; }
      self.c.removeChild(t);
      self.notice(ok ? '已复制检查结果（纯文本）。' : '浏览器不允许访问剪贴板，请改用“导出 CSV”。', false);
    }
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(text).then(function () {
        self.notice('已复制检查结果（纯文本）。', false);
      }, fallback);
    } else {
      fallback();
    }
  };

  App.prototype.downloadCsv = function () {
    if (!this.report) return;
    var blob = new Blob([NB.toCsv(this.report, this.reportText, this.dismissed)], { type: 'text/csv;charset=utf-8' });
    this.download(blob, '年报校验结果.csv');
  };

  App.prototype.download = function (blob, name) {
    var a = el('a', 'nb-offscreen');
    a.href = URL.createObjectURL(blob);
    a.download = name;
    this.c.appendChild(a);
    a.click();
    this.c.removeChild(a);
    setTimeout(function () { URL.revokeObjectURL(a.href); }, 10000);
  };
})();
