/* 年报校验: the 读出的统计表 drawn as the official forms draw them, from the template's layout
   (src/schema/layout.rs, given by the engine): section and group rows, sub-items indented under
   their group, header levels, table 二's blocks with their own headers. A template cell the
   report has no cell for is marked 未读出, never left as a blank.
   NB.drawTables(report, layouts, button, prefix) -> DocumentFragment, where button(cell, index)
   makes a cell's control and prefix keeps element ids unique on the page. */
(function () {
  'use strict';
  var NB = window.NB = window.NB || {};

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }

  /* index of every cell by indicator and column ('' for none); the first one wins, the
     others are listed apart so that nothing read is hidden. */
  function indexCells(cells) {
    var at = {};
    cells.forEach(function (c, i) {
      var k = c.indicator + '\u0000' + (c.column === null ? '' : c.column);
      if (!(k in at)) at[k] = i;
    });
    return at;
  }

  function key(indicator, column) { return indicator + '\u0000' + (column === null ? '' : column); }

  function hasCells(at, row, columns) {
    return !!row.indicator && columns.some(function (c) { return key(row.indicator, c) in at; });
  }

  /* Which rows are drawn: a variant only when read; a group unless it has no drawn row under it
     and no figures of its own. */
  function shownRows(b, at) {
    var read = b.rows.map(function (r) { return hasCells(at, r, b.columns); });
    var shown = b.rows.map(function (r, i) { return r.kind !== 'variant' || read[i]; });
    for (var i = b.rows.length - 1; i >= 0; i--) {
      if (b.rows[i].kind !== 'group' || read[i]) continue;
      var any = false;
      for (var j = i + 1; j < b.rows.length && b.rows[j].depth > b.rows[i].depth; j++) any = any || shown[j];
      shown[i] = any;
    }
    return { shown: shown, read: read };
  }

  function Drawer(report, button, prefix) {
    this.cells = report.cells;
    this.at = indexCells(report.cells);
    this.used = {};
    this.button = button;
    this.prefix = prefix;
    this.n = 0;
  }

  Drawer.prototype.id = function () { return this.prefix + (++this.n); };

  /* One template table; `width` = the value columns of its widest block. */
  Drawer.prototype.table = function (t) {
    var self = this;
    var table = el('table', 'nb-table nb-official');
    table.setAttribute('data-table', t.name);
    var cap = el('caption');
    cap.appendChild(el('span', 'nb-tname', t.name));
    cap.appendChild(document.createTextNode(' ' + t.caption));
    table.appendChild(cap);
    var width = Math.max.apply(null, t.blocks.map(function (b) { return b.columns.length; }));
    var stubs = t.blocks[0].unitColumn ? 2 : 1;
    t.blocks.forEach(function (b, k) {
      var heads = self.head(b, width, stubs);
      if (t.blocks.length === 1) {
        var thead = el('thead');
        heads.rows.forEach(function (tr) { thead.appendChild(tr); });
        table.appendChild(thead);
        table.appendChild(self.body(b, heads, width, el('tbody')));
      } else {
        var tbody = el('tbody', 'nb-block');
        tbody.setAttribute('data-block', String(k));
        heads.rows.forEach(function (tr) { tbody.appendChild(tr); });
        table.appendChild(self.body(b, heads, width, tbody));
      }
    });
    return table;
  };

  /* Header rows; returns them with, per value column, the ids of the headers above it. */
  Drawer.prototype.head = function (b, width, stubs) {
    var self = this, rows = [], levels = b.head.length, total = stubs + width;
    if (b.title) {
      var tr = el('tr', 'nb-block-title'), th = el('th', null, b.title);
      th.colSpan = total;
      th.scope = 'colgroup';
      th.id = this.id();
      tr.appendChild(th);
      rows.push(tr);
    }
    var titleId = b.title ? rows[0].firstChild.id : null;
    var colHeads = b.columns.map(function () { return titleId ? [titleId] : []; });
    var stubIds = [];
    b.head.forEach(function (level, y) {
      var tr = el('tr', 'nb-head-row');
      if (y === 0) {
        var stubLabels = [b.stub || '项目'].concat(b.unitColumn ? ['单位'] : []);
        stubLabels.forEach(function (label, s) {
          var th = el('th', s === 0 ? 'nb-stub' : 'nb-unit-head', label);
          th.rowSpan = levels;
          th.scope = 'col';
          th.id = self.id();
          stubIds.push(th.id);
          tr.appendChild(th);
        });
      }
      rows.push(tr);
    });
    // place the header cells on the grid, left to right, below the rows spanning down
    var taken = b.head.map(function () { return []; });
    b.head.forEach(function (level, y) {
      var x = 0;
      level.forEach(function (h, k) {
        while (taken[y][x]) x++;
        var th = el('th', 'nb-colhead', h.label);
        th.colSpan = h.colspan + (x + h.colspan === b.columns.length ? width - b.columns.length : 0);
        th.rowSpan = h.rowspan;
        th.scope = h.colspan > 1 ? 'colgroup' : 'col';
        th.id = self.id();
        for (var dy = 0; dy < h.rowspan; dy++) for (var dx = 0; dx < h.colspan; dx++) taken[y + dy][x + dx] = true;
        for (var c = x; c < x + h.colspan; c++) colHeads[c].push(th.id);
        if (h.rowspan + y === levels && h.colspan === 1) th.setAttribute('data-column', b.columns[x] === null ? '' : b.columns[x]);
        rows[(b.title ? 1 : 0) + y].appendChild(th);
        x += h.colspan;
        return k;
      });
    });
    return { rows: rows, cols: colHeads, stubs: stubIds };
  };

  /* `above`: the rows the next one is indented under (its groups, or the total over its
     parts); their labels are among its cells' headers, so a screen reader says which 1. it is. */
  Drawer.prototype.body = function (b, heads, width, tbody) {
    var self = this, s = shownRows(b, this.at), above = [];
    b.rows.forEach(function (r, i) {
      if (!s.shown[i]) return;
      while (above.length && above[above.length - 1].depth >= r.depth) above.pop();
      var tr = r.kind === 'group' && !s.read[i]
        ? self.groupRow(r, b, width)
        : self.itemRow(r, b, heads, width, above);
      tbody.appendChild(tr);
      above.push({ depth: r.depth, id: tr.firstChild.id });
    });
    return tbody;
  };

  Drawer.prototype.label = function (r, tag) {
    var th = el(tag || 'th', 'nb-rowlabel nb-depth-' + r.depth, r.label);
    th.id = this.id();
    return th;
  };

  /* A heading over the rows below: its label spans the value columns, it holds no value. */
  Drawer.prototype.groupRow = function (r, b, width) {
    var tr = el('tr', 'nb-group nb-depth-' + r.depth);
    tr.setAttribute('data-row', r.kind);
    if (r.indicator) tr.setAttribute('data-indicator', r.indicator);
    var th = this.label(r);
    th.colSpan = (b.unitColumn ? 2 : 1) + width;
    th.scope = 'rowgroup';
    tr.appendChild(th);
    return tr;
  };

  Drawer.prototype.itemRow = function (r, b, heads, width, above) {
    var self = this, tr = el('tr', 'nb-item nb-depth-' + r.depth);
    tr.setAttribute('data-row', r.kind);
    tr.setAttribute('data-indicator', r.indicator);
    if (r.kind === 'group') tr.classList.add('nb-group-valued');
    var th = this.label(r);
    th.scope = 'row';
    tr.appendChild(th);
    var rowHeads = above.map(function (g) { return g.id; }).concat([th.id]);
    var first = null;
    if (b.unitColumn) {
      var unit = el('td', 'nb-unit');
      tr.appendChild(unit);
    }
    b.columns.forEach(function (col, x) {
      var td = el('td', 'nb-value');
      td.setAttribute('headers', rowHeads.concat(heads.cols[x]).join(' '));
      if (x === b.columns.length - 1 && width > b.columns.length) td.colSpan = 1 + width - b.columns.length;
      var k = key(r.indicator, col);
      if (k in self.at) {
        var i = self.at[k];
        self.used[i] = true;
        if (first === null) first = self.cells[i];
        td.appendChild(self.button(self.cells[i], i));
      } else {
        td.classList.add('nb-missing');
        td.appendChild(el('span', 'nb-missing-mark', '未读出'));
      }
      tr.appendChild(td);
    });
    if (unit) {
      unit.textContent = first ? (first.unit || '') : r.unit;
      unit.setAttribute('headers', rowHeads.concat(heads.stubs.slice(1)).join(' '));
    }
    return tr;
  };

  /* Cells no template row placed (a table printed twice, another template's rows). */
  Drawer.prototype.rest = function () {
    var self = this, left = [];
    this.cells.forEach(function (c, i) { if (!self.used[i]) left.push(i); });
    if (!left.length) return null;
    var table = el('table', 'nb-table nb-table-rest');
    table.appendChild(el('caption', null, '其他读出的单元格'));
    var thead = el('thead'), htr = el('tr');
    ['项目', '栏目', '单位', '数值'].forEach(function (h) {
      var th = el('th', null, h);
      th.scope = 'col';
      htr.appendChild(th);
    });
    thead.appendChild(htr);
    table.appendChild(thead);
    var tbody = el('tbody');
    left.forEach(function (i) {
      var c = self.cells[i], tr = el('tr');
      tr.setAttribute('data-indicator', c.indicator);
      var th = el('th', 'nb-rowlabel', c.label);
      th.scope = 'row';
      tr.appendChild(th);
      tr.appendChild(el('td', 'nb-column', c.column || ''));
      tr.appendChild(el('td', 'nb-unit', c.unit || ''));
      var td = el('td', 'nb-value');
      td.appendChild(self.button(c, i));
      tr.appendChild(td);
      tbody.appendChild(tr);
    });
    table.appendChild(tbody);
    return table;
  };

  /* Wide tables scroll inside their own box instead of widening the page. */
  function wrap(table) {
    var d = el('div', 'nb-table-wrap');
    d.setAttribute('tabindex', '0');
    d.setAttribute('role', 'region');
    d.setAttribute('aria-label', table.querySelector('caption').textContent);
    d.appendChild(table);
    return d;
  }

  NB.drawTables = function (report, layouts, button, prefix) {
    var out = document.createDocumentFragment();
    var d = new Drawer(report, button, prefix || 'nb-tv-');
    var tables = (report.template && layouts && layouts[report.template]) || [];
    tables.forEach(function (t) { out.appendChild(wrap(d.table(t))); });
    var rest = d.rest();
    if (rest) out.appendChild(wrap(rest));
    return out;
  };
})();
