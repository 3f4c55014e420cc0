// The call taker's form in the staff console ("New case (phone call)"): an operator files a caller's report through
// POST /api/staff/cases. The questions come from the catalog (GET /api/staff/intake/services) and the server checks
// every answer as the chat does; its field errors are shown beside each field, listed at the top (focused, so a
// screen reader reads them) and linked to their fields. An open case of the same kind nearby comes back as a 409: the
// operator links the caller to it or files anyway. Each report carries one Idempotency-Key from the moment the form is
// started until it is filed, so a double click or a retry files one case. Text from the API is written with
// textContent only.
(function () {
  "use strict";

  var ui = window.staffConsole;
  var catalog = null;
  var key = null;
  var busy = false;

  function $(id) { return document.getElementById(id); }

  function newKey() {
    if (window.crypto && typeof window.crypto.randomUUID === "function") { return window.crypto.randomUUID(); }
    var bytes = new Uint8Array(16);
    window.crypto.getRandomValues(bytes);
    return Array.prototype.map.call(bytes, function (b) { return ("0" + b.toString(16)).slice(-2); }).join("");
  }

  function service() {
    var code = $("intake-service").value;
    return catalog ? catalog.services.filter(function (s) { return s.code === code; })[0] || null : null;
  }

  // ---- building the form from the catalog ------------------------------------------------------------------

  async function open() {
    ui.clearMessages();
    ui.show("view-intake");
    if (catalog) { return; }
    try {
      catalog = await ui.api("GET", "/api/staff/intake/services");
      var select = $("intake-service");
      var groups = {};
      catalog.services.forEach(function (s) {
        if (!groups[s.group]) {
          groups[s.group] = ui.element("optgroup");
          groups[s.group].label = s.group;
          select.appendChild(groups[s.group]);
        }
        var option = ui.element("option", s.name);
        option.value = s.code;
        groups[s.group].appendChild(option);
      });
      var language = $("intake-language");
      catalog.languages.forEach(function (code) {
        var option = ui.element("option", code);
        option.value = code;
        language.appendChild(option);
      });
      key = newKey();
    } catch (error) {
      ui.failed(error);
    }
  }

  function questionId(code) { return "intake-q-" + code.replace(/[^A-Za-z0-9_-]/g, "_"); }

  function renderQuestions() {
    var box = $("intake-questions");
    ui.clear(box);
    var chosen = service();
    if (!chosen) { return; }
    chosen.questions.forEach(function (q) {
      var id = questionId(q.code);
      var described = [];
      var wrap;
      var title = q.question + (q.required ? " (required)" : "");
      if (q.datatype === "singlevaluelist" || q.datatype === "multivaluelist") {
        wrap = ui.element("fieldset", null, "intake__group");
        wrap.id = id;
        wrap.appendChild(ui.element("legend", title + (q.datatype === "multivaluelist" ? " Choose all that apply." : "")));
        q.choices.forEach(function (choice, i) {
          var label = ui.element("label", null, "check");
          var input = ui.element("input");
          input.type = q.datatype === "singlevaluelist" ? "radio" : "checkbox";
          input.name = "q-" + q.code;
          input.value = choice.key;
          if (i === 0) { input.id = id + "-first"; }
          label.appendChild(input);
          label.appendChild(document.createTextNode(" " + choice.name));
          wrap.appendChild(label);
        });
      } else {
        wrap = ui.element("div", null, "field");
        var label = ui.element("label", title);
        label.htmlFor = id + "-input";
        wrap.appendChild(label);
        var input = ui.element(q.datatype === "text" ? "textarea" : "input");
        input.id = id + "-input";
        input.name = "q-" + q.code;
        if (q.datatype === "number") {
          input.type = "text";
          input.inputMode = "decimal";
        } else if (q.datatype === "datetime") {
          input.type = "datetime-local";
        } else if (q.datatype !== "text") {
          input.type = "text";
        } else {
          input.rows = 3;
        }
        if (q.maxLength) { input.maxLength = q.maxLength; }
        if (q.required) { input.setAttribute("aria-required", "true"); }
        wrap.appendChild(input);
      }
      if (q.hint || q.min !== null || q.max !== null) {
        var bounds = q.min !== null || q.max !== null ? "From " + (q.min !== null ? q.min : "any") + " to " + (q.max !== null ? q.max : "any") + "." : "";
        var hint = ui.element("p", [q.hint || "", bounds].join(" ").trim(), "field__hint");
        hint.id = id + "-hint";
        wrap.appendChild(hint);
        described.push(hint.id);
      }
      var error = ui.element("p", null, "field__error");
      error.id = id + "-error";
      error.hidden = true;
      wrap.appendChild(error);
      described.push(error.id);
      (wrap.tagName === "FIELDSET" ? wrap : wrap.querySelector("input, textarea")).setAttribute("aria-describedby", described.join(" "));
      box.appendChild(wrap);
    });
  }

  // ---- reading the form ------------------------------------------------------------------------------------

  function checked(name) {
    var found = document.querySelector("#intake-form input[name='" + name + "']:checked");
    return found ? found.value : null;
  }

  function text(id) {
    var value = $(id).value.trim();
    return value === "" ? null : value;
  }

  function number(id) {
    var value = text(id);
    return value === null ? null : Number(value);
  }

  function report() {
    var answers = {};
    var chosen = service();
    (chosen ? chosen.questions : []).forEach(function (q) {
      var values = Array.prototype.map.call(document.querySelectorAll("#intake-questions [name='q-" + q.code + "']"), function (input) {
        return input.type === "radio" || input.type === "checkbox" ? (input.checked ? input.value : null) : input.value.trim();
      }).filter(function (v) { return v; });
      if (values.length > 0) { answers[q.code] = values; }
    });
    return {
      serviceCode: $("intake-service").value || null,
      description: text("intake-description"),
      answers: answers,
      address: text("intake-address"),
      latitude: number("intake-latitude"),
      longitude: number("intake-longitude"),
      callerName: text("intake-name"),
      callerPhone: text("intake-phone"),
      callerEmail: text("intake-email"),
      updatesBy: checked("updatesBy"),
      consentGiven: $("intake-consent").checked,
      channel: checked("channel") || "phone",
      language: $("intake-language").value || null,
    };
  }

  // ---- errors beside their fields ------------------------------------------------------------------------------

  var fieldIds = {
    serviceCode: "intake-service", address: "intake-address", latitude: "intake-latitude", description: "intake-description",
    callerName: "intake-name", callerPhone: "intake-phone", callerEmail: "intake-email", updatesBy: "intake-updates",
    consentGiven: "intake-consent",
  };

  function errorTarget(field) {
    if (field.indexOf("answers.") === 0) {
      var id = questionId(field.slice("answers.".length));
      return { error: $(id + "-error"), control: $(id + "-input") || $(id), focus: $(id + "-input") || $(id + "-first") };
    }
    var control = $(fieldIds[field] || "");
    var errorId = field === "updatesBy" ? "intake-updates-error" : (fieldIds[field] || "") + "-error";
    var focus = field === "updatesBy" ? document.querySelector("#intake-updates input") : control;
    return { error: $(errorId), control: control, focus: focus };
  }

  function clearErrors() {
    $("intake-errors").hidden = true;
    ui.clear($("intake-errors-list"));
    Array.prototype.forEach.call(document.querySelectorAll("#view-intake .field__error"), function (node) { node.hidden = true; node.textContent = ""; });
    Array.prototype.forEach.call(document.querySelectorAll("#view-intake [aria-invalid]"), function (node) { node.removeAttribute("aria-invalid"); });
  }

  function showErrors(errors) {
    var list = $("intake-errors-list");
    Object.keys(errors).forEach(function (field) {
      var message = errors[field][0];
      var target = errorTarget(field);
      var item = ui.element("li");
      if (target.error && target.focus) {
        target.error.textContent = message;
        target.error.hidden = false;
        target.control.setAttribute("aria-invalid", "true");
        var link = ui.element("a", message);
        link.href = "#" + target.focus.id;
        link.addEventListener("click", function (event) { event.preventDefault(); target.focus.focus(); });
        item.appendChild(link);
      } else {
        item.textContent = field + ": " + message;
      }
      list.appendChild(item);
    });
    $("intake-errors").hidden = false;
    $("intake-errors").focus();
  }

  // ---- filing ------------------------------------------------------------------------------------------------

  function offer(problem) {
    var list = $("intake-duplicates-list");
    ui.clear(list);
    (problem.possibleDuplicates || []).forEach(function (c) {
      var item = ui.element("li");
      item.appendChild(ui.element("span", c.ticket + " · " + (c.address || "no address") + " · " + Math.round(c.distanceMetres) + " m away · " + c.status.replace(/_/g, " ")));
      var link = ui.element("button", "Link the caller to " + c.ticket, "button");
      link.type = "button";
      link.addEventListener("click", function () { submit({ followTicket: c.ticket }); });
      item.appendChild(link);
      list.appendChild(item);
    });
    $("intake-duplicates").hidden = false;
    $("intake-duplicates-title").focus();
  }

  async function submit(decision) {
    if (busy) { return; }
    busy = true;
    $("intake-submit").disabled = true;
    ui.clearMessages();
    clearErrors();
    var body = report();
    if (decision && decision.followTicket) { body.followTicket = decision.followTicket; }
    if (decision && decision.notADuplicate) { body.notADuplicate = true; }
    try {
      var filed = await ui.api("POST", "/api/staff/cases", body, { "Idempotency-Key": key });
      var ticket = filed.case.case.ticket;
      reset();
      await ui.openCase(ticket);
      ui.showNotice((filed.alreadyFiled ? "Already filed as " : "Filed as ") + ticket + ", sent to " + filed.case.case.department + ". Tell the caller: " + filed.notice);
    } catch (error) {
      if (error instanceof ui.ApiError && error.status === 409 && error.problem && error.problem.possibleDuplicates) {
        offer(error.problem);
      } else if (error instanceof ui.ApiError && error.status === 400 && error.problem && error.problem.errors) {
        $("intake-duplicates").hidden = true;
        showErrors(error.problem.errors);
      } else {
        ui.failed(error);
      }
    } finally {
      busy = false;
      $("intake-submit").disabled = false;
    }
  }

  function reset() {
    $("intake-form").reset();
    renderQuestions();
    clearErrors();
    $("intake-duplicates").hidden = true;
    key = newKey();
  }

  $("nav-intake").addEventListener("click", open);
  $("intake-service").addEventListener("change", function () {
    renderQuestions();
    $("intake-duplicates").hidden = true;
  });
  $("intake-form").addEventListener("submit", function (event) {
    event.preventDefault();
    $("intake-duplicates").hidden = true;
    submit(null);
  });
  $("intake-file-anyway").addEventListener("click", function () { submit({ notADuplicate: true }); });
  $("intake-clear").addEventListener("click", function () {
    reset();
    ui.clearMessages();
    $("intake-service").focus();
  });
})();
