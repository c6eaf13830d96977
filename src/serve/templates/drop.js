// Drag and drop onto the file fields; everything works without it.
document.querySelectorAll('label.drop').forEach(function (zone) {
  var input = zone.querySelector('input[type=file]');
  if (!input) { return; }
  ['dragenter', 'dragover'].forEach(function (ev) {
    zone.addEventListener(ev, function (e) { e.preventDefault(); zone.classList.add('over'); });
  });
  ['dragleave', 'drop'].forEach(function (ev) {
    zone.addEventListener(ev, function () { zone.classList.remove('over'); });
  });
  zone.addEventListener('drop', function (e) {
    e.preventDefault();
    if (e.dataTransfer && e.dataTransfer.files.length) {
      input.files = e.dataTransfer.files;
      input.dispatchEvent(new Event('change'));
    }
  });
});
