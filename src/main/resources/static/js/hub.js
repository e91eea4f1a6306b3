// Small conveniences for the dashboard; every page also works without this script.
document.addEventListener('DOMContentLoaded', () => {
  // Ask before a form with data-confirm is sent, for actions that write e-mail to an agency.
  document.querySelectorAll('form[data-confirm]').forEach(form => {
    form.addEventListener('submit', event => {
      if (!window.confirm(form.dataset.confirm)) {
        event.preventDefault();
      }
    });
  });
  // Selects marked auto-submit reload their page as soon as the choice changes.
  document.querySelectorAll('select.auto-submit').forEach(select => {
    select.addEventListener('change', () => select.form.submit());
  });
});
