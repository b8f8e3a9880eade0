// The pages' one script (ADR 0150): actions post JSON to the API and show its refusal; the embargo
// counts down; the viewer's time zone is passed to the server once. No inline script: CSP default-src 'self'.
(function () {
  'use strict';

  // The viewer's zone: a page that writes times asks the server again with ?tz= when none was chosen.
  var zoneInput = document.querySelector('[data-viewer-zone]');
  var params = new URLSearchParams(window.location.search);
  if (zoneInput && !params.has('tz') && window.Intl) {
    var zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (zone && zone !== zoneInput.value) {
      params.set('tz', zone);
      window.location.replace(window.location.pathname + '?' + params.toString());
      return;
    }
  }

  // The countdown runs on the server's clock: its "now" at rendering plus the time since loading.
  var countdown = document.querySelector('[data-countdown]');
  if (countdown) {
    var end = Date.parse(countdown.getAttribute('data-countdown'));
    var serverNow = Date.parse(countdown.getAttribute('data-now'));
    var loaded = Date.now();
    var tick = function () {
      var ms = end - (serverNow + (Date.now() - loaded));
      if (ms <= 0) {
        countdown.textContent = 'ended';
        return;
      }
      var days = Math.floor(ms / 86400000);
      var hours = Math.floor((ms % 86400000) / 3600000);
      var minutes = Math.floor((ms % 3600000) / 60000);
      countdown.textContent = days + ' d ' + hours + ' h ' + minutes + ' min';
    };
    tick();
    window.setInterval(tick, 30000);
  }

  var csrfMeta = document.querySelector('meta[name="accord-csrf"]');
  var forms = document.querySelectorAll('form.action[data-api]');
  Array.prototype.forEach.call(forms, function (form) {
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      var result = form.querySelector('.result');
      // Each named field with a value; a field marked data-array is a comma-separated list.
      var body = {};
      Array.prototype.forEach.call(form.elements, function (field) {
        if (!field.name || field.disabled || field.value === '') {
          return;
        }
        body[field.name] = field.hasAttribute('data-array')
          ? field.value.split(',').map(function (v) { return v.trim(); }).filter(function (v) { return v !== ''; })
          : field.value;
      });
      var buttons = form.querySelectorAll('button');
      Array.prototype.forEach.call(buttons, function (b) { b.disabled = true; });
      result.className = 'result';
      result.textContent = 'Sending…';
      // data-method: the API's verb (POST unless said); data-show: a member of the answer to show once
      // (a new token's secret) in place of reloading.
      fetch(form.getAttribute('data-api'), {
        method: form.getAttribute('data-method') || 'POST',
        credentials: 'same-origin',
        headers: { 'Content-Type': 'application/json', 'X-Accord-CSRF': csrfMeta ? csrfMeta.content : '' },
        body: JSON.stringify(body)
      }).then(function (response) {
        if (response.ok && form.hasAttribute('data-show')) {
          return response.json().then(function (answer) {
            result.textContent = 'Done. Copy it now, it is not shown again: ' + answer[form.getAttribute('data-show')];
          });
        }
        if (response.ok) {
          result.textContent = 'Done.';
          window.location.reload();
          return null;
        }
        return response.text().then(function (text) {
          var reason = response.status + ' ' + response.statusText;
          try {
            var answer = JSON.parse(text);
            if (answer.error) {
              reason = answer.error + (answer.location ? ' (field: ' + answer.location + ')' : '');
            }
          } catch (ignored) { /* not JSON: keep the status line */ }
          result.className = 'result error';
          result.textContent = 'Refused: ' + reason;
        });
      }).catch(function (error) {
        result.className = 'result error';
        result.textContent = 'Could not reach the server: ' + error.message;
      }).then(function () {
        Array.prototype.forEach.call(buttons, function (b) { b.disabled = false; });
      });
    });
  });
}());
