/* 年报校验: tables from the clipboard's HTML (Word, WPS, web pages), and keeping them in step
   with later edits of the plain text. */
(function () {
  'use strict';
  var NB = window.NB = window.NB || {};
  var MAX_SPAN = 200; // a hostile rowspan="100000" must not allocate a huge grid

  function cellText(td) {
    // &nbsp; and line breaks inside a cell are layout, not content.
    return (td.textContent || '').replace(/[\s\u00a0\u3000]+/g, ' ').trim();
  }

  function span(n) {
    n = parseInt(n, 10);
    return n >= 1 ? Math.min(n, MAX_SPAN) : 1;
  }

  /* One <table> as rows of cell strings, the way the checker reads a row: label, then values.
     - Every real cell appears once, in the row where it starts.
     - In each later row that a rowspan covers, it leaves one empty string at its position (so
       rows under a merged label start with an empty cell).
     - The extra columns a colspan covers are left out (a label merged across three columns is
       one label, not a label and two blank values).
     - A merged group label beside the row label of a data row (三、本年度办理结果,
       （三）不予公开 …) becomes a row of its own above that row, as the plain text prints it. */
  function gridOf(table) {
    var taken = [], out = [];
    var rows = table.rows;
    for (var r = 0; r < rows.length; r++) {
      taken[r] = taken[r] || [];
      out[r] = out[r] || [];
      var col = 0;
      var cells = rows[r].cells;
      for (var c = 0; c < cells.length; c++) {
        while (taken[r][col]) col++;
        var rs = span(cells[c].rowSpan), cs = span(cells[c].colSpan);
        for (var dr = 0; dr < rs && r + dr < rows.length; dr++) {
          taken[r + dr] = taken[r + dr] || [];
          out[r + dr] = out[r + dr] || [];
          for (var dc = 0; dc < cs; dc++) taken[r + dr][col + dc] = true;
          out[r + dr].push({ at: col, text: dr === 0 ? cellText(cells[c]) : '', rows: dr === 0 ? rs : 1 });
        }
        col += cs;
      }
    }
    var grid = [];
    out.forEach(function (row) {
      row.sort(function (x, y) { return x.at - y.at; });
      groupHeadings(row).forEach(function (h) { grid.push([h]); });
      grid.push(row.map(function (e) { return e.text; }));
    });
    return grid;
  }

  var NUMBER = /^[-+]?[\d０-９][\d０-９,，.]*$/;

  /* Takes the group labels out of a data row: merged (several rows) text cells followed by
     another text cell before the first number. Their positions stay, empty. */
  function groupHeadings(row) {
    if (!row.some(function (e) { return NUMBER.test(e.text); })) return [];
    var headings = [];
    for (var i = 0; i + 1 < row.length && !NUMBER.test(row[i].text) && !NUMBER.test(row[i + 1].text); i++) {
      if (row[i].rows > 1 && row[i].text && row[i + 1].text) {
        headings.push(row[i].text);
        row[i] = { at: row[i].at, text: '', rows: 1 };
      }
    }
    return headings;
  }

  /* Every outermost <table> in the HTML. DOMParser builds an inert document: scripts in it
     never run and its images are never fetched. */
  NB.tablesFromHtml = function (html) {
    if (!html || !/<table/i.test(html)) return [];
    // Only cell text is wanted. Scripts, style blocks, style attributes and event handler
    // attributes are dropped first: the parsed document is inert anyway, but Chromium still
    // reports a blocked handler or style to the page's CSP, which a portal would see as noise.
    html = html.replace(/<(script|style)\b[\s\S]*?<\/\1\s*>/gi, '')
      .replace(/\s(on[a-z]+|style)\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)/gi, '');
    var doc = new DOMParser().parseFromString(html, 'text/html');
    var all = Array.prototype.slice.call(doc.querySelectorAll('table'));
    return all
      .filter(function (t) { return !t.parentElement.closest('table'); })
      .map(gridOf)
      .filter(function (g) { return g.length > 0; });
  };

  /* Finds each cell's text in the plain text, in order, so that edits can move and update it.
     A cell not found (the plain text differs) keeps its text and is never edited. */
  NB.trackTables = function (text, grids) {
    var cursor = 0;
    return grids.map(function (grid) {
      return grid.map(function (row) {
        return row.map(function (t) {
          var at = t ? text.indexOf(t, cursor) : -1;
          if (at < 0) return { text: t, start: -1, end: -1 };
          cursor = at + t.length;
          return { text: t, start: at, end: cursor };
        });
      });
    });
  };

  /* The one contiguous change between two texts: old[p, oldEnd) became new[p, newEnd). */
  function diff(oldText, newText) {
    var p = 0, max = Math.min(oldText.length, newText.length);
    while (p < max && oldText.charCodeAt(p) === newText.charCodeAt(p)) p++;
    var s = 0;
    while (s < max - p && oldText.charCodeAt(oldText.length - 1 - s) === newText.charCodeAt(newText.length - 1 - s)) s++;
    return { p: p, oldEnd: oldText.length - s, newEnd: newText.length - s, delta: newText.length - oldText.length };
  }

  function moved(cell, d, newText) {
    var insertion = d.p === d.oldEnd;
    var swallowed = cell.start >= d.p && cell.end <= d.oldEnd && (d.p < cell.start || d.oldEnd > cell.end);
    if (swallowed) return { text: '', start: -1, end: -1, gone: true };
    var before = cell.end < d.p || (cell.end === d.p && !insertion);
    if (cell.start < 0 || before) return cell;
    if (cell.start > d.oldEnd || (cell.start === d.oldEnd && !insertion)) {
      return { text: cell.text, start: cell.start + d.delta, end: cell.end + d.delta };
    }
    // The edit touches the cell (typing at either end counts): it now holds what the text holds.
    var start = Math.min(cell.start, d.p);
    var end = cell.end >= d.oldEnd ? cell.end + d.delta : d.newEnd;
    while (start < end && /[\s\u00a0\u3000]/.test(newText.charAt(start))) start++;
    while (end > start && /[\s\u00a0\u3000]/.test(newText.charAt(end - 1))) end--;
    return { text: newText.slice(start, end).replace(/[\s\u00a0\u3000]+/g, ' '), start: start, end: end };
  }

  /* Moves and updates the tracked cells for an edit of the plain text. A table all of whose
     cells the edit removed (select all and type, another paste) is dropped. */
  NB.editTables = function (tracked, oldText, newText) {
    var d = diff(oldText, newText);
    return tracked.map(function (grid) {
      return grid.map(function (row) {
        return row.map(function (cell) { return moved(cell, d, newText); });
      });
    }).filter(function (grid) {
      var kept = 0, gone = 0;
      grid.forEach(function (row) {
        row.forEach(function (c) { if (c.gone) gone++; else if (c.start >= 0) kept++; });
      });
      return kept > 0 || gone === 0;
    });
  };

  NB.gridsOf = function (tracked) {
    return tracked.map(function (grid) {
      return grid.map(function (row) { return row.map(function (c) { return c.text; }); });
    });
  };
})();
