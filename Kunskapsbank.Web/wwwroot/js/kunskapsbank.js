// Kunskapsbank: progressive enhancement of the server-rendered search pages.
// Without this file everything still works (GET form, links). With it: results as you type, typeahead,
// no page reloads, the URL kept in step (back button, shared links) and the support line's keyboard commands.
// The server renders every result list; this script only fetches `?fragment=1` and swaps it in.
(function () {
  'use strict';

  var root = document.documentElement;
  root.classList.remove('no-js');
  root.classList.add('js');

  // The gaps report's "Skriv ut" button (the browser's own print works without it).
  document.addEventListener('click', function (event) {
    if (event.target instanceof Element && event.target.closest('[data-print]')) {
      window.print();
    }
  });

  var folderArea = document.getElementById('mappyta');
  if (folderArea) {
    startFolderPage(folderArea);
    return;
  }

  var form = document.getElementById('sok');
  var input = document.getElementById('q');
  var area = document.getElementById('resultatyta');
  if (!form || !input || !area) {
    return;
  }

  var DEBOUNCE_MS = 150;
  // Typing that pauses longer than this starts a new history entry, so "back" returns to the previous search.
  var NEW_ENTRY_AFTER_MS = 2000;
  var supportLine = form.getAttribute('data-mode') === 'stodtelefon';
  var basePath = form.getAttribute('action') || '/';
  var liveStatus = document.getElementById('sokstatus');
  var copyStatus = document.getElementById('kopiestatus');

  // ---- URL state -------------------------------------------------------------------------------------------

  function paramsFromForm() {
    var params = new URLSearchParams();
    var text = input.value.trim();
    if (text) {
      params.set('q', text);
    }
    var boxes = document.querySelectorAll('input[data-facet]:checked');
    for (var i = 0; i < boxes.length; i++) {
      params.append(boxes[i].name, boxes[i].value);
    }
    return params;
  }

  function urlFor(params) {
    var query = params.toString();
    return basePath + (query ? '?' + query : '');
  }

  function currentUrl() {
    return location.pathname + location.search;
  }

  // ---- Fetching and swapping the results fragment ----------------------------------------------------------

  var searchController = null;
  var lastTypedAt = 0;

  function announce(text) {
    if (!liveStatus) {
      return;
    }
    // Clearing first makes screen readers announce the same count again after a new search.
    liveStatus.textContent = '';
    window.setTimeout(function () { liveStatus.textContent = text; }, 50);
  }

  function filterPanel() {
    return area.querySelector('[data-filter-panel]');
  }

  function swap(html) {
    var active = document.activeElement;
    var activeId = active && area.contains(active) ? active.id : null;
    // A phone user who opened "Filtrera" and ticks a box keeps the panel open while the results change.
    var panel = filterPanel();
    var panelOpen = !!panel && panel.open;
    area.innerHTML = html;
    panel = filterPanel();
    if (panel && panelOpen) {
      panel.open = true;
    }
    var fragment = area.firstElementChild;
    if (fragment) {
      announce(fragment.getAttribute('data-status') || '');
      var title = fragment.getAttribute('data-title');
      if (title) {
        document.title = title;
      }
    }
    if (activeId) {
      var again = document.getElementById(activeId);
      if (again) {
        again.focus();
      }
    }
  }

  // Problems are told above the results, which stay: the last answer is more use than an empty page.
  var message = document.getElementById('sokmeddelande');
  var retryTimer = 0;

  function tellProblem(text) {
    if (message) {
      message.innerHTML = '';
      var notice = document.createElement('p');
      notice.className = 'notis notis-fel';
      notice.textContent = text;
      message.appendChild(notice);
    }
    announce(text);
  }

  function clearProblem() {
    window.clearTimeout(retryTimer);
    if (message) {
      message.textContent = '';
    }
  }

  function retryDelaySeconds(response) {
    var seconds = parseInt(response.headers.get('Retry-After') || '', 10);
    return isNaN(seconds) ? 5 : Math.min(Math.max(seconds, 1), 30);
  }

  // history: 'push', 'replace' or 'none'. Returns a promise that resolves once the new results are shown.
  // counted: the person finished this search (submit), so the server may count it for the gaps report.
  function load(url, history, counted) {
    if (searchController) {
      searchController.abort();
    }
    window.clearTimeout(retryTimer);
    var controller = new AbortController();
    searchController = controller;
    var fragmentUrl = url + (url.indexOf('?') >= 0 ? '&' : '?') + 'fragment=1' + (counted ? '&raknas=1' : '');
    area.setAttribute('aria-busy', 'true');
    return fetch(fragmentUrl, { signal: controller.signal, headers: { Accept: 'text/html' } })
      .then(function (response) {
        if (response.status === 429) {
          var wait = retryDelaySeconds(response);
          var error = new Error('HTTP 429');
          error.retryAfter = wait;
          throw error;
        }
        if (!response.ok && response.status !== 400) {
          throw new Error('HTTP ' + response.status);
        }
        return response.text();
      })
      .then(function (html) {
        if (controller !== searchController) {
          return false;
        }
        if (history === 'push' && url !== currentUrl()) {
          window.history.pushState({ url: url }, '', url);
        } else if (history !== 'none') {
          window.history.replaceState({ url: url }, '', url);
        }
        clearProblem();
        swap(html);
        area.removeAttribute('aria-busy');
        return true;
      })
      .catch(function (error) {
        if (error && error.name === 'AbortError') {
          return false;
        }
        area.removeAttribute('aria-busy');
        if (controller !== searchController) {
          return false;
        }
        if (error && error.retryAfter) {
          tellProblem('Just nu kommer många sökningar från ditt nätverk. Vi söker igen om ' + error.retryAfter +
            ' sekunder – träffarna nedan gäller din förra sökning.');
          // Try the same search again when the service said to, unless the user has searched again meanwhile.
          retryTimer = window.setTimeout(function () {
            if (controller === searchController) {
              load(url, history);
            }
          }, error.retryAfter * 1000);
        } else {
          tellProblem('Sökningen kunde inte göras just nu. Försök igen om en stund – träffarna nedan gäller din förra sökning.');
        }
        return false;
      });
  }

  function focusResultsHeading() {
    var heading = document.getElementById('traffar-rubrik');
    if (heading) {
      heading.focus();
    }
  }

  function setInputFromUrl(url) {
    var params = new URL(url, location.href).searchParams;
    input.value = params.get('q') || '';
  }

  // ---- Results as you type ---------------------------------------------------------------------------------

  var typingTimer = 0;
  input.addEventListener('input', function () {
    window.clearTimeout(typingTimer);
    typingTimer = window.setTimeout(function () {
      var now = Date.now();
      var history = now - lastTypedAt > NEW_ENTRY_AFTER_MS ? 'push' : 'replace';
      lastTypedAt = now;
      load(urlFor(paramsFromForm()), history);
    }, DEBOUNCE_MS);
    if (!supportLine) {
      scheduleSuggestions();
    }
  });

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    window.clearTimeout(typingTimer);
    closeSuggestions();
    lastTypedAt = 0;
    load(urlFor(paramsFromForm()), 'push', true).then(function (shown) {
      if (shown && supportLine) {
        focusItem(resultItems()[0]);
      }
    });
  });

  document.addEventListener('change', function (event) {
    var target = event.target;
    if (target instanceof HTMLInputElement && target.hasAttribute('data-facet')) {
      lastTypedAt = 0;
      load(urlFor(paramsFromForm()), 'push');
    }
  });

  area.addEventListener('click', function (event) {
    var close = event.target instanceof Element ? event.target.closest('[data-filter-close]') : null;
    if (close) {
      var panel = filterPanel();
      if (panel) {
        panel.open = false;
      }
      focusResultsHeading();
      return;
    }
    var link = event.target instanceof Element ? event.target.closest('a[data-nav]') : null;
    if (!link || event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) {
      return;
    }
    event.preventDefault();
    var url = link.getAttribute('href');
    setInputFromUrl(url);
    lastTypedAt = 0;
    load(url, 'push').then(function (shown) {
      if (shown) {
        focusResultsHeading();
      }
    });
  });

  window.addEventListener('popstate', function () {
    var url = currentUrl();
    setInputFromUrl(url);
    lastTypedAt = 0;
    load(url, 'none');
  });

  // ---- Typeahead: ARIA 1.2 combobox with a listbox popup ---------------------------------------------------

  var list = document.getElementById('forslag');
  var suggestTimer = 0;
  var suggestController = null;
  var activeOption = -1;
  var suggestions = [];

  // Closing also forgets the suggestions still on their way: a late answer must not reopen a list the person
  // closed (Escape, blur, a choice or a submit); typing again asks anew.
  function closeSuggestions() {
    if (!list) {
      return;
    }
    window.clearTimeout(suggestTimer);
    if (suggestController) {
      suggestController.abort();
      suggestController = null;
    }
    list.hidden = true;
    list.textContent = '';
    suggestions = [];
    activeOption = -1;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
  }

  function showSuggestions(items) {
    // A newer answer can arrive after the user has already arrowed into the list: keep their choice if it is still offered.
    var chosenText = activeOption >= 0 && suggestions[activeOption] ? suggestions[activeOption].text : null;
    suggestions = items;
    activeOption = -1;
    list.textContent = '';
    input.removeAttribute('aria-activedescendant');
    if (items.length === 0) {
      closeSuggestions();
      return;
    }
    items.forEach(function (item, index) {
      var option = document.createElement('li');
      option.id = 'forslag-' + index;
      option.setAttribute('role', 'option');
      option.setAttribute('aria-selected', 'false');
      option.textContent = item.text;
      if (item.kind === 'dokument') {
        var kind = document.createElement('span');
        kind.className = 'forslag-typ';
        kind.textContent = 'dokument';
        option.appendChild(kind);
      }
      // mousedown, not click: choosing must happen before the input loses focus and closes the list.
      option.addEventListener('mousedown', function (event) {
        event.preventDefault();
        choose(index);
      });
      list.appendChild(option);
    });
    list.hidden = false;
    input.setAttribute('aria-expanded', 'true');
    if (chosenText !== null) {
      var kept = items.findIndex(function (item) { return item.text === chosenText; });
      if (kept >= 0) {
        highlight(kept);
      }
    }
  }

  function scheduleSuggestions() {
    if (!list) {
      return;
    }
    window.clearTimeout(suggestTimer);
    suggestTimer = window.setTimeout(function () {
      var text = input.value.trim();
      if (suggestController) {
        suggestController.abort();
      }
      if (text.length < 2) {
        closeSuggestions();
        return;
      }
      var controller = new AbortController();
      suggestController = controller;
      fetch('/forslag?q=' + encodeURIComponent(text), { signal: controller.signal, headers: { Accept: 'application/json' } })
        .then(function (response) { return response.ok ? response.json() : []; })
        .then(function (items) {
          if (controller === suggestController && document.activeElement === input) {
            showSuggestions(items);
          }
        })
        .catch(function () { /* typeahead is a convenience; a failed request just shows nothing */ });
    }, DEBOUNCE_MS);
  }

  function highlight(index) {
    var options = list.querySelectorAll('[role="option"]');
    for (var i = 0; i < options.length; i++) {
      options[i].setAttribute('aria-selected', i === index ? 'true' : 'false');
    }
    activeOption = index;
    if (index >= 0) {
      input.setAttribute('aria-activedescendant', options[index].id);
      options[index].scrollIntoView({ block: 'nearest' });
    } else {
      input.removeAttribute('aria-activedescendant');
    }
  }

  function choose(index) {
    var item = suggestions[index];
    closeSuggestions();
    if (!item) {
      return;
    }
    if (item.kind === 'dokument') {
      window.location.assign(item.url);
      return;
    }
    input.value = item.text;
    lastTypedAt = 0;
    load(urlFor(paramsFromForm()), 'push');
  }

  if (list) {
    input.addEventListener('keydown', function (event) {
      var open = !list.hidden && suggestions.length > 0;
      if (event.key === 'ArrowDown' && open) {
        event.preventDefault();
        highlight((activeOption + 1) % suggestions.length);
      } else if (event.key === 'ArrowUp' && open) {
        event.preventDefault();
        highlight(activeOption <= 0 ? suggestions.length - 1 : activeOption - 1);
      } else if (event.key === 'Enter' && open && activeOption >= 0) {
        event.preventDefault();
        choose(activeOption);
      } else if (event.key === 'Escape' && open) {
        event.preventDefault();
        closeSuggestions();
      }
    });
    input.addEventListener('blur', closeSuggestions);
  }

  // ---- Support-line mode: keyboard commands ----------------------------------------------------------------

  if (!supportLine) {
    return;
  }

  function resultItems() {
    return Array.prototype.slice.call(area.querySelectorAll('.traffar-lista .traff'));
  }

  function focusItem(item) {
    if (item) {
      item.focus();
      item.scrollIntoView({ block: 'nearest' });
    }
  }

  function toggleWhole(item, open) {
    var button = item.querySelector('[data-expand]');
    var panel = button ? document.getElementById(button.getAttribute('aria-controls')) : null;
    if (!button || !panel) {
      return false;
    }
    var show = open === undefined ? panel.hidden : open;
    panel.hidden = !show;
    button.setAttribute('aria-expanded', show ? 'true' : 'false');
    button.textContent = show ? 'Dölj hela stycket' : 'Visa hela stycket';
    item.classList.toggle('utfalld', show);
    return true;
  }

  function isExpanded(item) {
    var button = item.querySelector('[data-expand]');
    return !!button && button.getAttribute('aria-expanded') === 'true';
  }

  var copyTimer = 0;
  function tell(message) {
    if (!copyStatus) {
      return;
    }
    copyStatus.textContent = message;
    window.clearTimeout(copyTimer);
    copyTimer = window.setTimeout(function () { copyStatus.textContent = ''; }, 3000);
  }

  function copyWithSelection(text) {
    var scratch = document.createElement('textarea');
    scratch.value = text;
    scratch.setAttribute('readonly', '');
    scratch.className = 'visuellt-dold';
    document.body.appendChild(scratch);
    scratch.select();
    var done = false;
    try {
      done = document.execCommand('copy');
    } catch (e) {
      done = false;
    }
    document.body.removeChild(scratch);
    return done;
  }

  function copy(text, done, item) {
    var ok = function () { tell(done); };
    var fallback = function () {
      if (copyWithSelection(text)) {
        ok();
      } else {
        tell('Det gick inte att kopiera. Markera texten och tryck Ctrl+C.');
      }
      if (item) {
        item.focus();
      }
    };
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(text).then(ok, fallback);
    } else {
      fallback();
    }
  }

  function clearSearch() {
    input.value = '';
    lastTypedAt = 0;
    input.focus();
    load(basePath, 'push');
  }

  area.addEventListener('click', function (event) {
    var button = event.target instanceof Element ? event.target.closest('[data-expand]') : null;
    if (button) {
      toggleWhole(button.closest('.traff'));
    }
  });

  document.addEventListener('keydown', function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey) {
      return;
    }
    var target = event.target instanceof Element ? event.target : null;
    var typing = target && (target.tagName === 'INPUT' || target.tagName === 'TEXTAREA' || target.isContentEditable);

    if (event.key === '/' && !typing) {
      event.preventDefault();
      input.focus();
      input.select();
      return;
    }

    if (target === input) {
      if (event.key === 'ArrowDown') {
        var first = resultItems()[0];
        if (first) {
          event.preventDefault();
          focusItem(first);
        }
      } else if (event.key === 'Escape' && input.value !== '') {
        event.preventDefault();
        clearSearch();
      }
      return;
    }

    var item = target ? target.closest('.traffar-lista .traff') : null;
    if (!item) {
      return;
    }
    var items = resultItems();
    var index = items.indexOf(item);
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        focusItem(items[Math.min(index + 1, items.length - 1)]);
        break;
      case 'ArrowUp':
        event.preventDefault();
        if (index <= 0) {
          input.focus();
        } else {
          focusItem(items[index - 1]);
        }
        break;
      case 'Home':
        event.preventDefault();
        focusItem(items[0]);
        break;
      case 'End':
        event.preventDefault();
        focusItem(items[items.length - 1]);
        break;
      case 'Enter':
        // On a link or button inside the item Enter keeps its usual meaning.
        if (target === item) {
          event.preventDefault();
          toggleWhole(item);
        }
        break;
      case 'Escape':
        event.preventDefault();
        if (isExpanded(item)) {
          toggleWhole(item, false);
          item.focus();
        } else {
          clearSearch();
        }
        break;
      case 'c':
      case 'C':
        event.preventDefault();
        copy(item.getAttribute('data-kopiera') || '', 'Stycket är kopierat med källa och sida.', item);
        break;
      case 'l':
      case 'L':
        event.preventDefault();
        copy(new URL(item.getAttribute('data-lank') || '', location.href).href, 'Länken är kopierad.', item);
        break;
      default:
        break;
    }
  });

  // ---- Dokumentmappen: the page keeps itself up to date -----------------------------------------------------
  // A small JSON poll says whether anything changed (a version); only then is the updating part fetched again
  // (the same server-rendered partial as the first load) and swapped in, keeping open tag lists, the focus and
  // the scroll position. New changes are read out by the live region. Without JavaScript the page is a plain page.
  function startFolderPage(area) {
    var BUSY_MS = 2000;
    var IDLE_MS = 5000;
    var statusUrl = area.getAttribute('data-lage-url');
    var live = document.getElementById('mappstatus');
    var search = document.getElementById('mappsok');
    var nameInput = document.getElementById('namn');
    var filterInput = search ? search.querySelector('[data-visa]') : null;
    var pollTimer = 0;
    var typingTimer = 0;
    var failures = 0;
    var loadController = null;

    function current() {
      var inner = area.firstElementChild;
      return {
        version: inner ? inner.getAttribute('data-version') : '',
        newest: inner ? inner.getAttribute('data-senast') || '' : '',
        busy: !!inner && inner.getAttribute('data-upptagen') === 'true'
      };
    }

    function tell(text) {
      if (!live) {
        return;
      }
      live.textContent = '';
      window.setTimeout(function () { live.textContent = text; }, 50);
    }

    // What had the focus, by id or else by link target and text, so it can be found again in the new markup.
    function focusKey() {
      var active = document.activeElement;
      if (!active || !area.contains(active)) {
        return null;
      }
      var details = active.closest('details');
      return { id: active.id, href: active.getAttribute('href'), text: active.textContent, details: details ? details.id : null };
    }

    function restoreFocus(key) {
      if (!key) {
        return;
      }
      var target = key.id ? document.getElementById(key.id) : null;
      if (!target && key.details && !key.href) {
        var details = document.getElementById(key.details);
        target = details ? details.querySelector('summary') : null;
      }
      if (!target && key.href) {
        var links = area.querySelectorAll('a[href]');
        for (var i = 0; i < links.length && !target; i++) {
          if (links[i].getAttribute('href') === key.href && links[i].textContent === key.text) {
            target = links[i];
          }
        }
      }
      if (target) {
        target.focus({ preventScroll: true });
      }
    }

    function swap(html) {
      var open = Array.prototype.map.call(area.querySelectorAll('details[open]'), function (d) { return d.id; });
      var key = focusKey();
      area.innerHTML = html;
      open.forEach(function (id) {
        var details = id ? document.getElementById(id) : null;
        if (details) {
          details.open = true;
        }
      });
      restoreFocus(key);
      var inner = area.firstElementChild;
      if (inner && inner.getAttribute('data-title')) {
        document.title = inner.getAttribute('data-title');
      }
    }

    function fragmentUrl(url) {
      return url + (url.indexOf('?') >= 0 ? '&' : '?') + 'fragment=1';
    }

    // Fetches the updating part for the address now shown (or `url`, which then becomes the address).
    function load(url, history) {
      if (loadController) {
        loadController.abort();
      }
      var controller = new AbortController();
      loadController = controller;
      var target = url || (location.pathname + location.search);
      return fetch(fragmentUrl(target), { signal: controller.signal, headers: { Accept: 'text/html' }, cache: 'no-store' })
        .then(function (response) {
          if (!response.ok) {
            throw new Error('HTTP ' + response.status);
          }
          return response.text();
        })
        .then(function (html) {
          if (controller !== loadController) {
            return false;
          }
          loadController = null;
          if (history === 'push') {
            window.history.pushState({ url: target }, '', target);
          } else if (history === 'replace') {
            window.history.replaceState({ url: target }, '', target);
          }
          swap(html);
          return true;
        })
        .catch(function () {
          if (controller === loadController) {
            loadController = null;
          }
          return false;
        });
    }

    function schedule() {
      window.clearTimeout(pollTimer);
      if (document.hidden) {
        return;
      }
      var wait = failures > 0 ? Math.min(30000, IDLE_MS * failures) : current().busy ? BUSY_MS : IDLE_MS;
      pollTimer = window.setTimeout(poll, wait);
    }

    function announce(status) {
      var texts = (status.changes || []).map(function (change) { return change.text; });
      if (texts.length === 0) {
        return;
      }
      var more = status.moreChanges > 0 ? ' Och ' + status.moreChanges + ' ändringar till.' : '';
      tell('Dokumentmappen: ' + texts.join(' ') + more);
    }

    function poll() {
      var seen = current();
      fetch(statusUrl + '?sedan=' + encodeURIComponent(seen.newest), { headers: { Accept: 'application/json' }, cache: 'no-store' })
        .then(function (response) {
          if (!response.ok) {
            throw new Error('HTTP ' + response.status);
          }
          return response.json();
        })
        .then(function (status) {
          failures = 0;
          if (status.version === current().version) {
            return null;
          }
          if (loadController) {
            // A name search or filter is being fetched and brings the new state with it.
            announce(status);
            return null;
          }
          return load(null, 'none').then(function (shown) {
            if (shown) {
              announce(status);
            }
          });
        })
        .catch(function () { failures++; })
        .then(schedule);
    }

    document.addEventListener('visibilitychange', function () {
      if (document.hidden) {
        window.clearTimeout(pollTimer);
      } else {
        poll();
      }
    });

    function searchUrl() {
      var params = new URLSearchParams();
      var name = nameInput ? nameInput.value.trim() : '';
      if (filterInput && !filterInput.disabled && filterInput.value) {
        params.set('visa', filterInput.value);
      }
      if (name) {
        params.set('namn', name);
      }
      var query = params.toString();
      return search.getAttribute('action') + (query ? '?' + query : '');
    }

    function followFilter(url) {
      if (!filterInput) {
        return;
      }
      var slug = new URL(url, location.href).searchParams.get('visa') || '';
      filterInput.value = slug;
      filterInput.disabled = !slug;
    }

    if (search && nameInput) {
      nameInput.addEventListener('input', function () {
        window.clearTimeout(typingTimer);
        typingTimer = window.setTimeout(function () { load(searchUrl(), 'replace'); }, 200);
      });
      search.addEventListener('submit', function (event) {
        event.preventDefault();
        window.clearTimeout(typingTimer);
        load(searchUrl(), 'push');
      });
    }

    area.addEventListener('click', function (event) {
      var link = event.target instanceof Element ? event.target.closest('a[data-nav]') : null;
      if (!link || event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) {
        return;
      }
      event.preventDefault();
      var url = link.getAttribute('href');
      followFilter(url);
      load(url, 'push').then(function (shown) {
        var heading = shown ? document.getElementById('filer-rubrik') : null;
        if (heading) {
          heading.focus();
        }
      });
    });

    window.addEventListener('popstate', function () {
      var url = location.pathname + location.search;
      followFilter(url);
      if (nameInput) {
        nameInput.value = new URL(url, location.href).searchParams.get('namn') || '';
      }
      load(url, 'none');
    });

    schedule();
  }
}());
