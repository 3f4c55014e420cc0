// The map of the public view of requests (/requests and /requests/{ticket}), with Leaflet (wwwroot/lib/leaflet, from
// npm). No inline script: the page gives its settings as a JSON data block (#pr-map-settings). By default nothing comes
// from another host: the city's own boundary, areas (wards) and streets are drawn from /requests/map/*.geojson and the
// requests on top (the list page: /requests.geojson with the page's filters; a ticket page: its one point). A tile
// server is added underneath only when the city configured one. The list on the page is the accessible alternative:
// the map adds nothing the list does not say.
(function () {
  'use strict';

  var settingsElement = document.getElementById('pr-map-settings');
  var container = document.getElementById('requests-map');
  if (!settingsElement || !container || typeof L === 'undefined') {
    return;
  }

  var settings = JSON.parse(settingsElement.textContent);
  var text = settings.text || {};
  var section = document.getElementById('map-section');
  var message = document.getElementById('map-message');
  var dates = new Intl.DateTimeFormat(settings.language, { dateStyle: 'medium', timeZone: settings.timeZone });

  function format(template, value) {
    return String(template).replace('{0}', value);
  }

  function getJson(url) {
    return fetch(url, { headers: { Accept: 'application/geo+json, application/json' }, credentials: 'same-origin' })
      .then(function (response) {
        if (!response.ok) {
          throw new Error(url + ' answered ' + response.status);
        }
        return response.json();
      });
  }

  // Each layer on its own: a layer that fails to load is left out, the rest is drawn.
  function layer(name) {
    var url = settings.layers && settings.layers[name];
    return url ? getJson(url).catch(function () { return null; }) : Promise.resolve(null);
  }

  function points() {
    if (settings.point) {
      return Promise.resolve([{ latitude: settings.point[0], longitude: settings.point[1], open: settings.pointOpen, properties: null }]);
    }

    return getJson(settings.feed).then(function (collection) {
      return (collection.features || []).map(function (feature) {
        return {
          latitude: feature.geometry.coordinates[1],
          longitude: feature.geometry.coordinates[0],
          open: feature.properties.open,
          properties: feature.properties
        };
      });
    });
  }

  function say(words) {
    if (message) {
      message.textContent = words || '';
    }
  }

  function popup(properties) {
    var box = document.createElement('div');
    box.className = 'pr-popup';
    var link = document.createElement('a');
    link.href = settings.requestPath + encodeURIComponent(properties.ticket) + settings.requestQuery;
    link.textContent = format(text.openRequest, properties.ticket);
    var title = document.createElement('p');
    var strong = document.createElement('strong');
    strong.appendChild(link);
    title.appendChild(strong);
    box.appendChild(title);
    [
      properties.service_name,
      properties.status_name,
      properties.address || text.notOnMap,
      text.reported + ': ' + dates.format(new Date(properties.reported_at))
    ].forEach(function (line) {
      var p = document.createElement('p');
      p.textContent = line;
      box.appendChild(p);
    });
    return box;
  }

  function label(properties) {
    return [properties.ticket, properties.service_name, properties.status_name, properties.address].filter(Boolean).join(', ');
  }

  function draw(boundary, areas, streets, requests) {
    var hasLayers = Boolean(boundary || areas || streets);
    if (!hasLayers && requests.length === 0) {
      // Nothing to draw: no map (the list says everything).
      return;
    }

    if (section) {
      section.hidden = false;
    }
    container.hidden = false;

    var map = L.map(container, {
      preferCanvas: true,   // thousands of street segments draw on one canvas, not as SVG elements
      zoomSnap: 0.25,
      zoomControl: false
    });
    L.control.zoom({ zoomInTitle: text.zoomIn, zoomOutTitle: text.zoomOut }).addTo(map);
    if (settings.tileUrl) {
      L.tileLayer(settings.tileUrl, { attribution: settings.tileAttribution, maxZoom: 19 }).addTo(map);
    }

    var limit = boundary ? L.geoJSON(boundary, {
      interactive: false,
      style: { color: '#1b4f72', weight: 2, fill: !settings.tileUrl, fillColor: '#ffffff', fillOpacity: 0.7 }
    }) : null;
    var all = requests.map(function (request) { return [request.latitude, request.longitude]; });

    // The view first: Leaflet adds layers to a map only once it has one.
    if (settings.point) {
      map.setView(settings.point, 16);
    } else if (limit) {
      map.fitBounds(limit.getBounds(), { padding: [8, 8] });
    } else {
      map.fitBounds(L.latLngBounds(all), { padding: [24, 24], maxZoom: 16 });
    }

    if (limit) {
      limit.addTo(map);
    }

    if (areas) {
      // The wards' names under the requests' markers (Leaflet's tooltips are above them by default).
      map.createPane('wardLabels');
      L.geoJSON(areas, {
        interactive: false,
        style: { color: '#4d5866', weight: 1.5, dashArray: '6 4', fill: false },
        onEachFeature: function (feature, shape) {
          var name = feature.properties && feature.properties.name;
          if (name) {
            shape.bindTooltip(String(name), { permanent: true, direction: 'center', className: 'pr-ward-label', interactive: false, pane: 'wardLabels' });
          }
        }
      }).addTo(map);
    }

    if (streets) {
      L.geoJSON(streets, { interactive: false, style: { color: '#8d99a8', weight: 1, opacity: 0.9 } }).addTo(map);
    }

    requests.forEach(function (request) {
      var name = request.properties ? label(request.properties) : container.getAttribute('aria-label');
      var marker = L.marker([request.latitude, request.longitude], {
        icon: L.divIcon({ className: 'pr-marker ' + (request.open ? 'pr-marker--open' : 'pr-marker--closed'), iconSize: [16, 16] }),
        title: name,
        alt: name,
        keyboard: Boolean(request.properties),
        interactive: Boolean(request.properties),
        riseOnHover: true
      });
      if (request.properties) {
        marker.bindPopup(popup(request.properties));
      }
      marker.on('add', function () {
        var element = marker.getElement();
        element.setAttribute('aria-label', name);
        if (request.properties) {
          element.setAttribute('data-ticket', request.properties.ticket);
        } else {
          element.setAttribute('aria-hidden', 'true');
        }
      });
      marker.addTo(map);
    });

    if (!settings.point && requests.length === 0) {
      say(text.empty);
    }
  }

  Promise.all([layer('boundary'), layer('areas'), layer('streets'), points()])
    .then(function (loaded) {
      draw(loaded[0], loaded[1], loaded[2], loaded[3]);
    })
    .catch(function () {
      if (section) {
        section.hidden = false;
      }
      container.hidden = true;
      say(text.failed);
    });
}());
