// AdminJS's selects (react-select) carry three English defaults that no AdminJS translation reaches —
// in filters, forms and menus alike. This swaps them for Chinese as they appear.
(function () {
  var TEXT = { 'Select...': '请选择…', 'No options': '无匹配项', 'Loading...': '加载中…' };
  function localize(root) {
    var walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (var node = walker.nextNode(); node; node = walker.nextNode()) {
      var chinese = TEXT[node.nodeValue];
      if (chinese) node.nodeValue = chinese;
    }
  }
  function start() {
    localize(document.body);
    new MutationObserver(function (mutations) {
      mutations.forEach(function (m) {
        if (m.type === 'characterData' && TEXT[m.target.nodeValue]) m.target.nodeValue = TEXT[m.target.nodeValue];
        m.addedNodes.forEach(function (n) {
          if (n.nodeType === 1) localize(n);
          else if (n.nodeType === 3 && TEXT[n.nodeValue]) n.nodeValue = TEXT[n.nodeValue];
        });
      });
    }).observe(document.body, { childList: true, subtree: true, characterData: true });
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
