// A 2021 table 三 as Word puts it on the clipboard: merged cells (rowspan/colspan), &nbsp; in
// empty cells, <p class=MsoNormal> and <o:p> inside cells; with the plain text Word puts beside
// it and the grid the page must read from it (www/tables.js documents the shape).
'use strict';

const COLUMNS = ['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计'];
const Z = [0, 0, 0, 0, 0, 0, 0];
// [row-spanning group labels started on this row, label, values]; groups as in the official docx.
const ROWS = [
  [[], '一、本年新收政府信息公开申请数量', [40, 3, 0, 1, 2, 0, 46]],
  [[], '二、上年结转政府信息公开申请数量', [2, 0, 0, 0, 0, 0, 2]],
  [[['三、本年度办理结果', 22]], '（一）予以公开', [15, 1, 0, 0, 1, 0, 17]],
  [[], '（二）部分公开（区分处理的，只计这一情形，不计其他情形）', [4, 0, 0, 0, 0, 0, 4]],
  [[['（三）不予公开', 8]], '1.属于国家秘密', Z],
  [[], '2.其他法律行政法规禁止公开', Z],
  [[], '3.危及“三安全一稳定”', Z],
  [[], '4.保护第三方合法权益', [2, 0, 0, 0, 0, 0, 2]],
  [[], '5.属于三类内部事务信息', Z],
  [[], '6.属于四类过程性信息', Z],
  [[], '7.属于行政执法案卷', Z],
  [[], '8.属于行政查询事项', Z],
  [[['（四）无法提供', 3]], '1.本机关不掌握相关政府信息', [12, 1, 0, 1, 0, 0, 14]],
  [[], '2.没有现成信息需要另行制作', [2, 0, 0, 0, 0, 0, 2]],
  [[], '3.补正后申请内容仍不明确', [1, 0, 0, 0, 0, 0, 1]],
  [[['（五）不予处理', 5]], '1.信访举报投诉类申请', [2, 0, 0, 0, 1, 0, 3]],
  [[], '2.重复申请', [1, 0, 0, 0, 0, 0, 1]],
  [[], '3.要求提供公开出版物', Z],
  [[], '4.无正当理由大量反复申请', Z],
  [[], '5.要求行政机关确认或重新出具已获取信息', Z],
  [[['（六）其他处理', 3]], '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', [1, 0, 0, 0, 0, 0, 1]],
  [[], '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请', Z],
  [[], '3.其他', Z],
  [[], '（七）总计', [40, 2, 0, 1, 2, 0, 45]],
  [[], '四、结转下年度继续办理', [2, 1, 0, 0, 0, 0, 3]],
];
// 科研机构 of 4.保护第三方合法权益 holds only &nbsp;: blank, not 0.
const BLANK = { row: 7, col: 2 };

const td = (text, attrs = '') =>
  `<td ${attrs} style='border:solid windowtext 1.0pt;mso-border-alt:solid windowtext .5pt;padding:0cm 5.4pt 0cm 5.4pt'>` +
  `<p class=MsoNormal align=center style='text-align:center'><span lang=EN-US style='font-size:10.5pt'>${text}<o:p></o:p></span></p></td>`;

function table3() {
  const html = [];
  const grid = [];
  const plain = [];
  html.push('<html xmlns:o="urn:schemas-microsoft-com:office:office"><head><meta charset=utf-8>' +
    '<style><!-- p.MsoNormal {margin:0cm;font-size:10.5pt;} --></style></head><body lang=ZH-CN>' +
    '<!--StartFragment--><table class=MsoTableGrid border=1 cellspacing=0 cellpadding=0 style="border-collapse:collapse">');
  const head = '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）';
  html.push('<tr>' + td(head, 'colspan=3 rowspan=3') + td('申请人情况', 'colspan=7') + '</tr>');
  html.push('<tr>' + td('自然人', 'rowspan=2') + td('法人或其他组织', 'colspan=5') + td('总计', 'rowspan=2') + '</tr>');
  html.push('<tr>' + COLUMNS.slice(1, 6).map((c) => td(c)).join('') + '</tr>');
  grid.push([head, '申请人情况'], ['', '自然人', '法人或其他组织', '总计'], ['', ''].concat(COLUMNS.slice(1, 6), ['']));
  plain.push(head + '\t申请人情况', '自然人\t法人或其他组织\t总计', COLUMNS.slice(1, 6).join('\t'));
  let open = []; // row-spanning groups still covering rows: [column, rows left]
  ROWS.forEach(([groups, label, values], r) => {
    const cells = [], g = [], p = [];
    open = open.map(([c, n]) => [c, n - 1]).filter(([, n]) => n > 0);
    const covered = open.map(([c]) => c);
    covered.forEach(() => g.push(''));
    let col = covered.length;
    for (const [text, n] of groups) {
      cells.push(td(text, `rowspan=${n}`));
      grid.push([text]); // a group label becomes a row of its own, its position stays empty
      g.push('');
      p.push(text);
      open.push([col++, n]);
    }
    cells.push(td(label, col < 2 ? `colspan=${3 - col}` : ''));
    g.push(label);
    p.push(label);
    values.forEach((v, c) => {
      const blank = r === BLANK.row && c === BLANK.col;
      cells.push(td(blank ? '&nbsp;' : String(v)));
      g.push(blank ? '' : String(v));
      p.push(blank ? ' ' : String(v));
    });
    html.push('<tr>' + cells.join('') + '</tr>');
    grid.push(g);
    plain.push(p.join('\t'));
  });
  html.push('</table><!--EndFragment--></body></html>');
  const text = '示例县人民政府2021年政府信息公开工作年度报告\n三、收到和处理政府信息公开申请情况\n' + plain.join('\n') + '\n';
  const values = ROWS.filter((_, r) => r !== BLANK.row).map(([, label, v]) => [label, v.map(String)]);
  return {
    html: html.join('\n'), plain: text, grid, values,
    blank: { label: ROWS[BLANK.row][1], column: COLUMNS[BLANK.col] },
  };
}

module.exports = { table3 };
