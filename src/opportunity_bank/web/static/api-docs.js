// Starts Swagger UI on /schema. A file of ours rather than an inline script, so the page runs
// under the same Content-Security-Policy as every other page.
(function () {
  "use strict";
  var root = document.getElementById("swagger-ui");
  window.SwaggerUIBundle({
    url: root.dataset.schemaUrl,
    domNode: root,
    deepLinking: true,
    validatorUrl: null, // the default sends the schema to a validator on the internet
    presets: [window.SwaggerUIBundle.presets.apis],
    layout: "BaseLayout",
  });
})();
