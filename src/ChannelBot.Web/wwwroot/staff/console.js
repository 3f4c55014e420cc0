// The staff console (/staff): signs a person in against /api/staff/session, lists and opens cases from /api/cases and
// sends the changes the staff API offers. The session lives in an HttpOnly cookie; the CSRF token the session returns
// is kept in memory only and sent in X-CSRF-Token with every change (after a reload, GET /api/staff/session gives it
// again). Everything the API returns is written with textContent, never as markup. Supervisors (admins, operators) also
// get the analytics view: each table of /api/staff/analytics as a Chart.js chart, the same figures as a data table
// (what a screen reader or keyboard user reads) and a link to its CSV, and the form that files a caller's report
// (intake.js) and the live chats with residents who asked for a person (handoffs.js).
(function () {
  "use strict";

  var settings = JSON.parse(document.getElementById("console-settings").textContent);
  var base = settings.basePath || "";
  var ticketPattern = /^311-\d{4}-\d{6}$/;
  var state = { session: null, csrf: null, page: 1, pageSize: 50, current: null, conversationFor: null };

  function $(id) { return document.getElementById(id); }

  function element(tag, text, className) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) { node.textContent = String(text); }
    if (className) { node.className = className; }
    return node;
  }

  function clear(node) { while (node.firstChild) { node.removeChild(node.firstChild); } }

  function label(code) { return code ? String(code).replace(/_/g, " ") : ""; }

  function serviceName(code) {
    var found = settings.services.filter(function (s) { return s.code === code; })[0];
    return found ? found.name : code;
  }

  function when(value) {
    if (!value) { return ""; }
    var date = new Date(value);
    return isNaN(date.getTime()) ? String(value) : date.toLocaleString();
  }

  function age(value) {
    var hours = Math.max(0, (Date.now() - new Date(value).getTime()) / 3600000);
    if (hours < 1) { return Math.round(hours * 60) + " min"; }
    if (hours < 48) { return Math.round(hours) + " h"; }
    return Math.round(hours / 24) + " d";
  }

  // ---- messages ---------------------------------------------------------------------------------------------

  // The alert and the status line stay in the page, empty (they take no room) until there is something to say: a screen
  // reader announces text written into a live region it already knows, and may miss one that appears with its text.
  function showError(text) {
    $("notice").textContent = "";
    $("message").textContent = text;
  }

  function showNotice(text) {
    $("message").textContent = "";
    $("notice").textContent = text;
  }

  function clearMessages() { $("message").textContent = ""; $("notice").textContent = ""; }

  // ---- the API ----------------------------------------------------------------------------------------------

  function ApiError(status, title, detail, problem) {
    this.status = status;
    this.message = (title || ("HTTP " + status)) + (detail ? ": " + detail : "");
    this.problem = problem || null;   // the problem document as sent (field errors, possible duplicates)
  }

  function problemText(status) {
    switch (status) {
      case 401: return "You are not signed in (the session may have ended)";
      case 403: return "Not allowed for your account";
      case 404: return "Not found";
      case 409: return "Someone changed the case meanwhile";
      default: return "The request failed (HTTP " + status + ")";
    }
  }

  async function api(method, path, body, extraHeaders) {
    var headers = { "Accept": "application/json, application/problem+json" };
    Object.keys(extraHeaders || {}).forEach(function (name) { headers[name] = extraHeaders[name]; });
    if (body !== undefined) { headers["Content-Type"] = "application/json"; }
    if (method !== "GET" && state.csrf) { headers["X-CSRF-Token"] = state.csrf; }
    var response = await fetch(base + path, {
      method: method,
      headers: headers,
      credentials: "same-origin",
      cache: "no-store",
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    var type = response.headers.get("Content-Type") || "";
    var data = null;
    if (type.indexOf("json") >= 0) {
      try { data = await response.json(); } catch (ignored) { data = null; }
    }
    if (!response.ok) {
      // A bare problem document ("Forbidden", no detail) gets the console's own explanation.
      var explained = problemText(response.status);
      var title = data && data.title ? data.title : explained;
      throw new ApiError(response.status, title, data && data.detail ? data.detail : (title === explained ? null : explained), data);
    }
    return data;
  }

  // Shows what went wrong; a 401 means the session is gone, so the sign-in form comes back.
  function failed(error) {
    if (!(error instanceof ApiError)) {
      showError("The request did not reach the server: " + (error && error.message ? error.message : error));
      return;
    }
    if (error.status === 401 && state.session) {
      forget();
      show("view-sign-in");
    }
    showError(error.message);
  }

  // ---- views ------------------------------------------------------------------------------------------------

  var views = ["view-loading", "view-sign-in", "view-password", "view-cases", "view-case", "view-analytics", "view-intake", "view-handoffs"];

  function show(id) {
    views.forEach(function (view) { $(view).hidden = view !== id; });
    var section = id === "view-analytics" ? "nav-analytics" : id === "view-intake" ? "nav-intake" : id === "view-handoffs" ? "nav-handoffs" : "nav-cases";
    ["nav-cases", "nav-handoffs", "nav-intake", "nav-analytics"].forEach(function (button) {
      if (button === section) { $(button).setAttribute("aria-current", "page"); } else { $(button).removeAttribute("aria-current"); }
    });
    var heading = $(id).querySelector("h2");
    // The window's title names the view (and the case): what a screen reader says first, and what a tab list shows.
    document.title = (heading && heading.textContent ? heading.textContent + " · " : "") + "311 staff console";
    if (heading) { heading.setAttribute("tabindex", "-1"); heading.focus(); }
  }

  function forget() {
    state.session = null;
    state.csrf = null;
    state.current = null;
    $("who").hidden = true;
    $("nav").hidden = true;
  }

  function remember(session) {
    state.session = session;
    state.csrf = session.csrfToken;
    var account = session.account;
    $("who-name").textContent = account.displayName + " (" + label(account.role) + (account.department ? ", " + account.department : "") + ")";
    $("who").hidden = false;
    var department = account.role === "department";
    $("filter-department-field").hidden = department;
    $("case-actions").hidden = account.role === "reader";
    // The figures cover every department, and taking a caller's report is the operators' job: supervisors only (the
    // API answers 403 to anyone else).
    $("nav").hidden = !(account.role === "admin" || account.role === "operator") || account.mustChangePassword;
  }

  function start(session) {
    remember(session);
    if (session.account.mustChangePassword) {
      show("view-password");
      return;
    }
    // A link to one case (a department's email carries one: /staff#case=311-2026-000123) opens it once signed in.
    var linked = /^#case=([A-Za-z0-9-]{1,40})$/.exec(window.location.hash);
    if (linked) {
      history.replaceState(null, "", window.location.pathname + window.location.search);
      openCase(decodeURIComponent(linked[1]));
      return;
    }
    show("view-cases");
    loadCases();
  }

  // ---- signing in and out -----------------------------------------------------------------------------------

  $("sign-in-form").addEventListener("submit", async function (event) {
    event.preventDefault();
    clearMessages();
    try {
      var session = await api("POST", "/api/staff/session", { login: $("sign-in-login").value, password: $("sign-in-password").value });
      $("sign-in-form").reset();
      start(session);
    } catch (error) {
      failed(error);
    }
  });

  $("password-form").addEventListener("submit", async function (event) {
    event.preventDefault();
    clearMessages();
    if ($("password-new").value !== $("password-repeat").value) {
      showError("The two new passwords differ.");
      return;
    }
    try {
      await api("POST", "/api/staff/session/password", { currentPassword: $("password-current").value, newPassword: $("password-new").value });
      $("password-form").reset();
      start(await api("GET", "/api/staff/session"));
      showNotice("Your password is changed.");
    } catch (error) {
      failed(error);
    }
  });

  $("sign-out").addEventListener("click", async function () {
    clearMessages();
    try {
      await api("DELETE", "/api/staff/session");
    } catch (error) {
      if (!(error instanceof ApiError) || error.status !== 401) { failed(error); return; }
    }
    forget();
    show("view-sign-in");
    showNotice("You are signed out.");
  });

  // ---- the case list ----------------------------------------------------------------------------------------

  function fillSelect(select, choices) {
    choices.forEach(function (choice) {
      var option = element("option", choice.label);
      option.value = choice.value;
      select.appendChild(option);
    });
  }

  fillSelect($("filter-status"), settings.statuses.map(function (s) { return { value: s, label: label(s) }; }));
  fillSelect($("filter-category"), settings.services.map(function (s) { return { value: s.code, label: s.name }; }));
  fillSelect($("filter-department"), settings.departments.map(function (d) { return { value: d.code, label: d.name }; }));
  fillSelect($("category-to"), settings.services.map(function (s) { return { value: s.code, label: s.name + " (" + s.department + ")" }; }));
  fillSelect($("status-reason"), settings.closureReasons.map(function (r) { return { value: r, label: label(r) }; }));

  function nextDay(date) {
    var day = new Date(date + "T00:00:00Z");
    day.setUTCDate(day.getUTCDate() + 1);
    return day.toISOString().slice(0, 10);
  }

  function query() {
    var parts = [];
    function add(name, value) { if (value) { parts.push(name + "=" + encodeURIComponent(value)); } }
    add("status", $("filter-status").value);
    add("category", $("filter-category").value);
    if (!$("filter-department-field").hidden) { add("department", $("filter-department").value); }
    add("from", $("filter-from").value);
    add("to", $("filter-to").value ? nextDay($("filter-to").value) : "");
    var text = $("filter-q").value.trim();
    add("q", ticketPattern.test(text) ? "" : text);   // a whole ticket opens its case; part of one is searched for
    add("page", String(state.page));
    add("pageSize", String(state.pageSize));
    return "?" + parts.join("&");
  }

  async function loadCases() {
    try {
      renderCases(await api("GET", "/api/cases" + query()));
    } catch (error) {
      failed(error);
    }
  }

  function renderCases(page) {
    var body = $("cases-body");
    clear(body);
    page.cases.forEach(function (c) {
      var row = element("tr");
      if (c.overdue) { row.className = "overdue"; }
      var ticket = element("td");
      var open = element("button", c.ticket, "link-button");
      open.type = "button";
      open.setAttribute("aria-label", "Open case " + c.ticket);
      open.addEventListener("click", function () { openCase(c.ticket); });
      ticket.appendChild(open);
      row.appendChild(ticket);
      row.appendChild(element("td", c.serviceName));
      row.appendChild(element("td", label(c.status) + (c.closureReason ? " (" + label(c.closureReason) + ")" : "")));
      row.appendChild(element("td", c.department));
      row.appendChild(element("td", c.address || ""));
      row.appendChild(element("td", age(c.createdAt) + (c.overdue ? ", overdue" : "")));
      body.appendChild(row);
    });
    var pages = Math.max(1, Math.ceil(page.total / page.pageSize));
    $("cases-count").textContent = page.total === 0 ? "No case matches." : page.total + (page.total === 1 ? " case" : " cases") + ", newest first.";
    $("page-label").textContent = "Page " + page.page + " of " + pages;
    $("page-previous").disabled = page.page <= 1;
    $("page-next").disabled = page.page >= pages;
  }

  $("filters").addEventListener("submit", function (event) {
    event.preventDefault();
    clearMessages();
    var text = $("filter-q").value.trim();
    if (ticketPattern.test(text)) {
      openCase(text);
      return;
    }
    state.page = 1;
    loadCases();
  });

  $("filters").addEventListener("reset", function () {
    state.page = 1;
    setTimeout(loadCases, 0);   // after the browser has cleared the fields
  });

  $("page-previous").addEventListener("click", function () { state.page = Math.max(1, state.page - 1); loadCases(); });
  $("page-next").addEventListener("click", function () { state.page += 1; loadCases(); });

  // ---- one case ---------------------------------------------------------------------------------------------

  async function openCase(ticket) {
    try {
      var detail = await api("GET", "/api/cases/" + encodeURIComponent(ticket));
      renderCase(detail);
      show("view-case");
    } catch (error) {
      failed(error);
    }
  }

  $("back").addEventListener("click", function () {
    clearMessages();
    show("view-cases");
    loadCases();
  });

  function facts(list, pairs) {
    clear(list);
    pairs.forEach(function (pair) {
      if (pair[1] === null || pair[1] === undefined || pair[1] === "") { return; }
      list.appendChild(element("dt", pair[0]));
      var value = element("dd");
      if (pair[1] instanceof Node) { value.appendChild(pair[1]); } else { value.textContent = String(pair[1]); }
      list.appendChild(value);
    });
  }

  function renderCase(detail) {
    state.current = detail;
    var c = detail.case;
    $("case-title").textContent = c.ticket + " · " + c.serviceName;
    facts($("case-facts"), [
      ["Status", label(c.status) + (c.closureReason ? " (" + label(c.closureReason) + ")" : "")],
      ["Category", c.serviceName + " (" + c.serviceCode + ")"],
      ["Department", c.department],
      ["Status from its system", syncText(detail.departmentSync)],
      ["Assigned to", c.assignee || "nobody"],
      ["Duplicate of", c.duplicateOf],
      ["Filed", when(c.createdAt) + " (" + age(c.createdAt) + " ago)"],
      ["Last change", when(c.updatedAt)],
      ["Due", c.dueAt ? when(c.dueAt) + (c.overdue ? " — overdue" : "") : null],
      ["Channel", c.channelId],
      ["Language", c.language],
      ["Version", detail.version],
    ]);
    renderLocation(c);
    $("case-description").textContent = detail.description || "(none)";
    facts($("case-attributes"), detail.attributes.map(function (a) { return [a.code, a.display || a.values.join(", ")]; }));
    renderPhotos(detail.photos);
    facts($("case-reporter"), [
      ["Name", detail.reporter.name],
      ["Phone", detail.reporter.phone],
      ["Email", detail.reporter.email],
      ["Channel", detail.reporter.channelId],
      ["Updates", detail.consentToUpdates ? "agreed" + (detail.updatesBy ? " (by " + detail.updatesBy + ")" : "") : "not wanted"],
    ]);
    renderHistory(detail.history);
    renderMessages(detail.messages);
    prepareActions(detail);
    loadConversation(c.ticket);
  }

  // ---- the case's conversation ------------------------------------------------------------------------------

  var speakers = { resident: "Resident", bot: "Bot", update: "Update to the resident" };

  async function loadConversation(ticket) {
    var list = $("case-conversation");
    state.conversationFor = ticket;
    $("conversation-note").textContent = "Loading the conversation…";
    try {
      var conversation = await api("GET", "/api/cases/" + encodeURIComponent(ticket) + "/conversation");
      // Another case opened meanwhile: its own request draws its conversation.
      if (state.conversationFor !== ticket) { return; }
      renderConversation(conversation);
    } catch (error) {
      if (state.conversationFor !== ticket) { return; }
      clear(list);
      $("conversation-note").textContent = "The conversation could not be loaded: " + (error && error.message ? error.message : error);
    }
  }

  $("conversation-reload").addEventListener("click", function () {
    if (state.current) { loadConversation(state.current.case.ticket); }
  });

  // Every word the resident wrote is hostile until shown: text nodes only, never markup.
  function renderConversation(conversation) {
    var list = $("case-conversation");
    clear(list);
    var count = conversation.messages.length;
    $("conversation-note").textContent = (count === 0 ? "No message in the conversation." : count + (count === 1 ? " message, oldest first." : " messages, oldest first."))
      + (conversation.note ? " " + conversation.note : "");
    conversation.messages.forEach(function (m) {
      var item = element("li", null, "conversation__message conversation__message--" + (speakers[m.direction] ? m.direction : "bot"));
      item.setAttribute("data-direction", m.direction);
      var head = element("p", null, "conversation__head");
      head.appendChild(element("strong", speakers[m.direction] || m.direction));
      head.appendChild(document.createTextNode(" · " + m.channelId + " · "));
      var time = element("time", when(m.at));
      time.dateTime = m.at;
      head.appendChild(time);
      if (m.status) { head.appendChild(element("span", " · " + outcomeOf(m), m.status === "failed" || m.delivery === "failed" || m.delivery === "undelivered" ? "status-failed" : null)); }
      item.appendChild(head);
      if (m.text) { item.appendChild(element("p", m.text, "conversation__text prewrap")); }
      if (m.choices && m.choices.length > 0) { item.appendChild(element("p", "Offered: " + m.choices.join(" · "), "conversation__choices muted")); }
      if (m.location) {
        var pin = m.location;
        item.appendChild(element("p", "Shared a location: " + [pin.name, pin.address].filter(Boolean).join(", ")
          + (pin.name || pin.address ? " · " : "") + pin.latitude.toFixed(5) + ", " + pin.longitude.toFixed(5), "conversation__text"));
      }
      m.attachments.forEach(function (a) { item.appendChild(attachmentOf(a, m)); });
      list.appendChild(item);
    });
  }

  function outcomeOf(m) {
    var text = m.status === "pending" ? "waiting to be sent" : m.status;
    if (m.delivery) { text += ", " + m.delivery + (m.deliveryError ? " (" + m.deliveryError + ")" : ""); }
    if (m.error) { text += ": " + m.error; }
    return text;
  }

  function attachmentOf(a, m) {
    var box = element("div", null, "conversation__attachment");
    var who = m.direction === "resident" ? "the resident sent" : "sent to the resident";
    if (a.photoUrl) {
      var link = element("a");
      link.href = base + a.photoUrl;
      link.target = "_blank";
      link.rel = "noopener";
      var image = element("img");
      image.src = base + a.photoUrl;
      image.alt = "Photo " + a.photoNumber + " of the case, " + who + " (opens the full photo)";
      image.loading = "lazy";
      link.appendChild(image);
      box.appendChild(link);
    } else if (a.photoNumber) {
      box.appendChild(element("span", "Photo " + a.photoNumber + " of the case: " + a.photoStatus, "muted"));
    } else {
      box.appendChild(element("span", "Attachment " + who + ": " + (a.name || a.contentType || "unknown type") + " (not kept)", "muted"));
    }
    return box;
  }

  // The department's Open311 work-order system, read for status: when, and what went wrong the last time.
  function syncText(sync) {
    if (!sync) { return null; }
    var read = sync.lastSyncedAt ? "read " + when(sync.lastSyncedAt) : "not read yet";
    return sync.lastError ? read + " — last try " + when(sync.lastAttemptAt) + " failed: " + sync.lastError : read;
  }

  function renderLocation(c) {
    var place = $("case-location");
    clear(place);
    place.appendChild(document.createTextNode(c.address || "(no address)"));
    if (typeof c.latitude === "number" && typeof c.longitude === "number") {
      place.appendChild(document.createTextNode(" · " + c.latitude.toFixed(5) + ", " + c.longitude.toFixed(5) + " · "));
      // A link only: the page itself loads nothing from the map's site.
      var map = element("a", "Open in a map");
      map.href = "https://www.openstreetmap.org/?mlat=" + c.latitude + "&mlon=" + c.longitude + "#map=18/" + c.latitude + "/" + c.longitude;
      map.target = "_blank";
      map.rel = "noopener noreferrer";
      place.appendChild(map);
    }
  }

  function renderPhotos(photos) {
    var list = $("case-photos");
    clear(list);
    if (photos.length === 0) { list.appendChild(element("li", "None.", "muted")); }
    photos.forEach(function (p) {
      var item = element("li");
      if (p.url) {
        var link = element("a");
        link.href = base + p.url;
        link.target = "_blank";
        link.rel = "noopener";
        var image = element("img");
        image.src = base + p.url;
        image.alt = "Photo " + p.number + " of the case";
        image.loading = "lazy";
        link.appendChild(image);
        item.appendChild(link);
      } else {
        item.textContent = "Photo " + p.number + ": " + p.status + (p.failureReason ? " (" + p.failureReason + ")" : "");
      }
      list.appendChild(item);
    });
  }

  function renderHistory(history) {
    var body = $("case-history");
    clear(body);
    history.forEach(function (h) {
      var row = element("tr");
      row.appendChild(element("td", when(h.at)));
      row.appendChild(element("td", h.by));
      var change = h.kind === "status" ? (h.from ? label(h.from) + " → " : "") + label(h.to) : label(h.kind);
      row.appendChild(element("td", change + (h.detail ? " — " + h.detail : "")));
      row.appendChild(element("td", h.publicNote || ""));
      row.appendChild(element("td", h.internalNote || ""));
      body.appendChild(row);
    });
  }

  function renderMessages(messages) {
    var body = $("case-messages");
    clear(body);
    if (messages.length === 0) {
      var none = element("tr");
      var cell = element("td", "No message about this case yet.", "muted");
      cell.colSpan = 5;
      none.appendChild(cell);
      body.appendChild(none);
    }
    messages.forEach(function (m) {
      var row = element("tr");
      row.setAttribute("data-status", m.status);
      row.appendChild(element("td", when(m.createdAt)));
      row.appendChild(element("td", m.channelId));
      row.appendChild(element("td", m.text || "", "prewrap"));
      var outcome;
      if (m.status === "failed") {
        // The notifier's own reason already starts with "cannot notify"; a failed send's error does not.
        var said = m.error && m.error.indexOf("cannot notify") === 0;
        outcome = element("td", said ? m.error : "cannot notify" + (m.error ? ": " + m.error : ""), "status-failed");
      } else if (m.status === "pending") {
        outcome = element("td", "waiting" + (m.sendAfter ? " until " + when(m.sendAfter) : ""));
      } else {
        outcome = element("td", m.status + (m.sentAt ? " " + when(m.sentAt) : ""));
      }
      row.appendChild(outcome);
      row.appendChild(element("td", (m.delivery || "") + (m.deliveryError ? " (" + m.deliveryError + ")" : "")));
      body.appendChild(row);
    });
  }

  function prepareActions(detail) {
    var select = $("status-to");
    clear(select);
    var next = settings.nextStatuses[detail.case.status] || [];
    fillSelect(select, next.map(function (s) { return { value: s, label: label(s) }; }));
    select.disabled = next.length === 0;
    $("status-form").querySelector("button").disabled = next.length === 0;
    reasonVisibility();
    $("assign-to").value = detail.case.assignee || "";
    $("category-to").value = detail.case.serviceCode;
  }

  function reasonVisibility() {
    var closing = $("status-to").value === "closed";
    $("status-reason-field").hidden = !closing;
    $("status-reason").required = closing;
  }

  $("status-to").addEventListener("change", reasonVisibility);

  function optional(value) {
    var text = value.trim();
    return text === "" ? null : text;
  }

  async function change(path, body, form, done) {
    clearMessages();
    var c = state.current.case;
    body.version = state.current.version;
    try {
      var detail = await api("POST", "/api/cases/" + encodeURIComponent(c.ticket) + path, body);
      form.reset();
      renderCase(detail);
      showNotice(done);
    } catch (error) {
      failed(error);
    }
  }

  $("status-form").addEventListener("submit", function (event) {
    event.preventDefault();
    var to = $("status-to").value;
    change("/status", {
      status: to,
      reason: to === "closed" ? $("status-reason").value : null,
      publicNote: optional($("status-public").value),
      internalNote: optional($("status-internal").value),
      urgent: $("status-urgent").checked,
    }, event.target, "Status changed to " + label(to) + ".");
  });

  $("assign-form").addEventListener("submit", function (event) {
    event.preventDefault();
    change("/assignee", { assignee: optional($("assign-to").value), internalNote: optional($("assign-internal").value) },
      event.target, "Assignment saved.");
  });

  $("category-form").addEventListener("submit", function (event) {
    event.preventDefault();
    var code = $("category-to").value;
    change("/category", { serviceCode: code, internalNote: optional($("category-internal").value) },
      event.target, "Filed under " + serviceName(code) + ".");
  });

  $("duplicate-form").addEventListener("submit", function (event) {
    event.preventDefault();
    change("/duplicate", {
      original: $("duplicate-of").value.trim(),
      publicNote: optional($("duplicate-public").value),
      internalNote: optional($("duplicate-internal").value),
    }, event.target, "Closed as a duplicate.");
  });

  // ---- analytics (supervisors) -----------------------------------------------------------------------------

  var charts = [];

  $("nav-cases").addEventListener("click", function () {
    clearMessages();
    show("view-cases");
    loadCases();
  });

  $("nav-analytics").addEventListener("click", function () {
    clearMessages();
    show("view-analytics");
    loadAnalytics();
  });

  $("analytics-form").addEventListener("submit", function (event) {
    event.preventDefault();
    clearMessages();
    loadAnalytics();
  });

  function analyticsQuery(from, to) {
    var parts = [];
    if (from) { parts.push("from=" + encodeURIComponent(from)); }
    if (to) { parts.push("to=" + encodeURIComponent(to)); }
    return parts.length ? "?" + parts.join("&") : "";
  }

  async function loadAnalytics() {
    try {
      var figures = await api("GET", "/api/staff/analytics" + analyticsQuery($("analytics-from").value, $("analytics-to").value));
      renderAnalytics(figures);
    } catch (error) {
      failed(error);
    }
  }

  function hours(value) { return value === null || value === undefined ? "—" : (Math.round(value * 10) / 10).toFixed(1); }

  function share(value) { return value === null || value === undefined ? "—" : (Math.round(value * 1000) / 10).toFixed(1) + " %"; }

  function countTable(key, title, what, rows) {
    return {
      key: key,
      title: title,
      rows: rows,
      columns: [[what, function (r) { return r.name; }], ["Cases", function (r) { return r.count; }, true]],
      labels: function (r) { return r.name; },
      series: [["Cases", function (r) { return r.count; }]],
    };
  }

  function analyticsTables(f) {
    return [
      countTable("services", "Cases by service", "Service", f.byService),
      countTable("departments", "Cases by department", "Department", f.byDepartment),
      countTable("areas", "Cases by area", "Area", f.byArea),
      countTable("channels", "Cases by channel", "Channel", f.byChannel),
      {
        key: "times",
        title: "Time to acknowledge and to resolve, by service (hours)",
        wide: true,
        rows: f.times,
        columns: [
          ["Service", function (r) { return r.serviceName; }],
          ["Cases", function (r) { return r.cases; }, true],
          ["Acknowledged", function (r) { return r.acknowledged; }, true],
          ["Acknowledge, median (h)", function (r) { return hours(r.acknowledgeMedianHours); }, true],
          ["Acknowledge, 90th percentile (h)", function (r) { return hours(r.acknowledgeP90Hours); }, true],
          ["Resolved", function (r) { return r.resolved; }, true],
          ["Resolve, median (h)", function (r) { return hours(r.resolveMedianHours); }, true],
          ["Resolve, 90th percentile (h)", function (r) { return hours(r.resolveP90Hours); }, true],
          ["Judged against target", function (r) { return r.withTarget; }, true],
          ["Within target", function (r) { return r.metTarget; }, true],
          ["Share within target", function (r) { return share(r.targetShare); }, true],
        ],
        labels: function (r) { return r.serviceName; },
        series: [
          ["Acknowledge, median", function (r) { return r.acknowledgeMedianHours; }],
          ["Acknowledge, 90th percentile", function (r) { return r.acknowledgeP90Hours; }],
          ["Resolve, median", function (r) { return r.resolveMedianHours; }],
          ["Resolve, 90th percentile", function (r) { return r.resolveP90Hours; }],
        ],
      },
      {
        key: "backlog",
        title: "Open cases now, by age",
        rows: f.backlog,
        columns: [["Age", function (r) { return r.bucket; }], ["Open cases", function (r) { return r.count; }, true]],
        labels: function (r) { return r.bucket; },
        series: [["Open cases", function (r) { return r.count; }]],
      },
      {
        key: "reopens",
        title: "Reopened after being resolved",
        rows: [f.reopens],
        columns: [
          ["Resolved", function (r) { return r.resolved; }, true],
          ["Reopened", function (r) { return r.reopened; }, true],
          ["Reopened by the resident (\"not fixed\")", function (r) { return r.reopenedByResidents; }, true],
          ["Reopen rate", function (r) { return share(r.rate); }, true],
        ],
      },
    ];
  }

  var palette = ["#0b5cad", "#7a4fc0", "#1e6b35", "#b35900"];

  function renderAnalytics(f) {
    charts.forEach(function (chart) { chart.destroy(); });
    charts = [];
    $("analytics-from").value = f.from;
    $("analytics-to").value = f.to;
    $("analytics-summary").textContent = f.totalCases + (f.totalCases === 1 ? " case" : " cases") + " filed from " + f.from
      + " to " + f.to + " (" + f.timeZone + "); open cases as of " + when(f.generatedAt) + ".";
    var container = $("analytics-tables");
    clear(container);
    var query = analyticsQuery(f.from, f.to);
    analyticsTables(f).forEach(function (table) {
      var block = element("section", null, "analytics__block" + (table.wide ? " analytics__block--wide" : ""));
      var headingId = "analytics-" + table.key + "-title";
      block.setAttribute("aria-labelledby", headingId);
      var heading = element("h3", table.title);
      heading.id = headingId;
      block.appendChild(heading);
      if (table.series && table.rows.length > 0 && window.Chart) {
        var box = element("div", null, "analytics__chart");
        var canvas = element("canvas");
        canvas.id = "analytics-" + table.key + "-chart";
        canvas.setAttribute("role", "img");
        canvas.setAttribute("aria-label", "Chart: " + table.title + ". The table below gives the same figures.");
        box.appendChild(canvas);
        block.appendChild(box);
        charts.push(new window.Chart(canvas, {
          type: "bar",
          data: {
            labels: table.rows.map(table.labels),
            datasets: table.series.map(function (s, i) {
              return { label: s[0], data: table.rows.map(s[1]), backgroundColor: palette[i % palette.length] };
            }),
          },
          options: {
            animation: false,
            responsive: true,
            maintainAspectRatio: false,
            scales: { y: { beginAtZero: true } },
            plugins: { legend: { display: table.series.length > 1 } },
          },
        }));
      }
      block.appendChild(dataTable(table));
      var download = element("p");
      var link = element("a", "Download " + table.title.toLowerCase() + " (CSV)");
      link.href = base + "/api/staff/analytics/" + table.key + ".csv" + query;
      link.setAttribute("download", "");
      download.appendChild(link);
      block.appendChild(download);
      container.appendChild(block);
    });
  }

  function dataTable(table) {
    // A wide table scrolls sideways in its own box on a narrow screen: the box takes the focus, so the arrow keys scroll it.
    var wrap = element("div", null, "table-wrap");
    wrap.setAttribute("role", "region");
    wrap.setAttribute("aria-label", "Table: " + table.title);
    wrap.tabIndex = 0;
    var node = element("table");
    node.id = "analytics-" + table.key + "-table";
    node.appendChild(element("caption", table.title, "visually-hidden"));
    var head = element("thead");
    var headRow = element("tr");
    table.columns.forEach(function (column) {
      var th = element("th", column[0], column[2] ? "number" : null);
      th.scope = "col";
      headRow.appendChild(th);
    });
    head.appendChild(headRow);
    node.appendChild(head);
    var body = element("tbody");
    if (table.rows.length === 0) {
      var none = element("tr");
      var cell = element("td", "No cases in this period.", "muted");
      cell.colSpan = table.columns.length;
      none.appendChild(cell);
      body.appendChild(none);
    }
    table.rows.forEach(function (row) {
      var tr = element("tr");
      table.columns.forEach(function (column, i) {
        var value = column[1](row);
        var cell = element(i === 0 && table.columns.length > 1 && !column[2] ? "th" : "td", value, column[2] ? "number" : null);
        if (cell.tagName === "TH") { cell.scope = "row"; }
        tr.appendChild(cell);
      });
      body.appendChild(tr);
    });
    node.appendChild(body);
    wrap.appendChild(node);
    return wrap;
  }

  // What the call-taker form (intake.js) shares with the rest of the console.
  window.staffConsole = {
    settings: settings, state: state, api: api, ApiError: ApiError, failed: failed, show: show, element: element, clear: clear,
    showError: showError, showNotice: showNotice, clearMessages: clearMessages, openCase: openCase,
  };

  // ---- start: a reloaded page asks for its session (and CSRF token) again ----------------------------------

  (async function () {
    try {
      start(await api("GET", "/api/staff/session"));
    } catch (error) {
      forget();
      show("view-sign-in");
      if (!(error instanceof ApiError) || error.status !== 401) { failed(error); }
    }
  })();
})();
