/* 年报校验: the results as plain text (复制结果) and CSV (导出 CSV), and file downloads. */
(function () {
  'use strict';
  var NB = window.NB;
  var App = NB.App, el = NB.el, SEV = NB.SEV, kindText = NB.kindText, templateText = NB.templateText;

  function csvField(v) {
    var s = v === null || v === undefined ? '' : String(v);
    // Spreadsheets run a cell starting with = + - @ as a formula.
    if (/^[=+\-@\t\r]/.test(s)) s = "'" + s;
    return '"' + s.replace(/"/g, '""') + '"';
  }

  /* The findings, then the cells read. Every row carries the file, 机关 and 年度, so that rows
     of several reports pasted into one sheet still say whose they are. */
  NB.toCsv = function (report, text, dismissed, name, layouts) {
    dismissed = dismissed || {};
    var who = [name || '', report.agency || '', report.year || ''];
    var lines = [['文件', '机关', '年度', '序号', '严重程度', '问题', '位置', '说明', '应为', '实为', '忽略原因', '代码'].map(csvField).join(',')];
    report.findings.forEach(function (f, i) {
      var sev = i in dismissed ? '已忽略（' + SEV[f.severity] + '）' : SEV[f.severity];
      var table = !!NB.tableOf(report, f);
      lines.push(who.concat([i + 1, sev, NB.titleOf(f), NB.whereText(report, text, f, layouts), f.message,
        table ? null : f.expected, table ? null : f.actual, dismissed[i], f.code]).map(csvField).join(','));
    });
    lines.push('');
    lines.push(['文件', '机关', '年度', '项目', '栏目', '单位', '数值', '原文', '指标代码'].map(csvField).join(','));
    report.cells.forEach(function (c) {
      lines.push(who.concat([c.label, c.column, c.unit, c.value, c.raw, c.indicator]).map(csvField).join(','));
    });
    return '\uFEFF' + lines.join('\r\n') + '\r\n';
  };

  NB.toPlainText = function (report, text, dismissed, layouts, source) {
    dismissed = dismissed || {};
    var out = ['年报校验结果', NB.summaryText(report.findings, dismissed, report.coverage)];
    out.push('类型：' + kindText(report) + '；模板：' + templateText(report) + '；年度：' +
      (report.year || '未识别') + '；机关：' + (report.agency || '未识别'));
    NB.unread(report.coverage).forEach(function (c) { out.push('未完整读出：' + NB.unreadText(c, source)); });
    out.push('');
    var line = function (f, i) {
      return (i + 1) + '. [' + SEV[f.severity] + '] ' + NB.titleOf(f) + '（' + f.code + '） ' +
        NB.whereText(report, text, f, layouts) + '：' + f.message;
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

  /* Nothing to export, copy or print yet: said, not silently ignored (until there is). */
  App.prototype.nothingYet = function (what) {
    if (this.report) return false;
    var self = this;
    this.notice('还没有检查结果可' + what + '：请先把报告全文粘贴到输入框，或打开文件。', false, function () { return !self.report; });
    return true;
  };

  App.prototype.copy = function () {
    if (this.nothingYet('复制')) return;
    var self = this, text = NB.toPlainText(this.report, this.reportText, this.dismissed, this.layouts(), this.doc.source);
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
    if (this.nothingYet('导出')) return;
    var blob = new Blob([NB.toCsv(this.report, this.reportText, this.dismissed, this.doc.name, this.layouts())], { type: 'text/csv;charset=utf-8' });
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
