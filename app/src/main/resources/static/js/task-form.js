// Applies the simple conditions of a Camunda Form as the user changes it: a field whose wrapper carries
// data-hide-key is hidden (and disabled, so it is not submitted) while the field named by that key has
// (data-hide-when-equal="true") or has not ("false") the value data-hide-literal. The server evaluates every
// condition again on submit, so this only saves a round trip.
(function () {
  const form = document.getElementById('task-form');
  if (!form) return;

  function valueOf(name) {
    const inputs = Array.from(form.elements).filter(e => e.name === name);
    if (inputs.length === 0) return null;
    const first = inputs[0];
    if (first.type === 'radio') {
      const checked = inputs.find(e => e.checked);
      return checked ? checked.value : null;
    }
    if (first.type === 'checkbox') return first.checked ? 'true' : 'false';
    return first.value === '' ? null : first.value;
  }

  function apply() {
    form.querySelectorAll('[data-hide-key]').forEach(wrapper => {
      const value = valueOf(wrapper.dataset.hideKey);
      const equal = value === wrapper.dataset.hideLiteral;
      const hide = wrapper.dataset.hideWhenEqual === 'true' ? equal : !equal;
      wrapper.hidden = hide;
      wrapper.querySelectorAll('input, select, textarea').forEach(input => { input.disabled = hide; });
    });
  }

  form.addEventListener('change', apply);
  form.addEventListener('input', apply);
})();
