/**
 * Map: places with event counts on an offline basemap. Country boundaries come
 * from the world-atlas package (Natural Earth 1:50m), bundled at build time and
 * loaded only when the map is opened; no tile server is contacted.
 */
import { useEffect, useState } from 'preact/hooks';
import { html } from 'htm/preact';
import { geoMercator, geoPath } from 'd3-geo';
import { feature } from 'topojson-client';
import { t } from '../i18n.js';
import { Status, useApi } from './common.js';

interface Place { id: string; name: string; geo: { lat: number; lon: number }; events: number; mentions: number }

export function MapPage() {
  const { data, error, loading } = useApi<Place[]>('places');
  const [world, setWorld] = useState<GeoJSON.FeatureCollection | null>(null);
  useEffect(() => {
    void import('world-atlas/countries-50m.json').then((m) => {
      const topo = (m as { default: unknown }).default as Parameters<typeof feature>[0];
      const objects = (topo as unknown as { objects: { countries: Parameters<typeof feature>[1] } }).objects;
      setWorld(feature(topo, objects.countries) as unknown as GeoJSON.FeatureCollection);
    });
  }, []);
  if (!data || !world) return html`<h1>${t('map')}</h1><${Status} loading=${loading || !world} error=${error} />`;
  const W = 900, H = 560;
  const pts = data.filter((p) => Number.isFinite(p.geo.lat) && Number.isFinite(p.geo.lon));
  // Fit the busiest places (or the South Caucasus when there are none), with some margin:
  // a few far-off mentions (Washington, Berlin) should not shrink the region the story is about.
  const weight = (p: Place): number => p.events + p.mentions;
  const top = Math.max(0, ...pts.map(weight));
  const focus = pts.filter((p) => weight(p) >= top * 0.15);
  const lons = focus.length ? focus.map((p) => p.geo.lon) : [43, 50];
  const lats = focus.length ? focus.map((p) => p.geo.lat) : [38, 42];
  const pad = 1.5;
  const box: GeoJSON.Feature = { type: 'Feature', properties: {}, geometry: { type: 'MultiPoint', coordinates: [[Math.min(...lons) - pad, Math.min(...lats) - pad], [Math.max(...lons) + pad, Math.max(...lats) + pad]] } };
  const projection = geoMercator().fitSize([W, H], box);
  const path = geoPath(projection);
  const max = Math.max(1, ...pts.map((p) => p.events + p.mentions));
  return html`
    <h1>${t('map')}</h1>
    <svg class="map" viewBox=${`0 0 ${W} ${H}`} role="img" aria-label=${t('map')}>
      <rect width=${W} height=${H} class="sea" />
      ${world.features.map((f) => html`<path class="land" d=${path(f) ?? ''} />`)}
      ${pts.map((p) => {
        const xy = projection([p.geo.lon, p.geo.lat]);
        if (!xy) return null;
        const r = 4 + 14 * Math.sqrt((p.events + p.mentions) / max);
        return html`<a href=${`#/actor/${encodeURIComponent(p.id)}`}>
          <circle class="place" cx=${xy[0]} cy=${xy[1]} r=${r}><title>${p.name}: ${p.events} ${t('events').toLowerCase()}, ${p.mentions} ${t('mentions')}</title></circle>
          <text x=${xy[0] + r + 2} y=${xy[1] + 4}>${p.name}</text>
        </a>`;
      })}
    </svg>
    <ul class="places">${pts.sort((a, b) => b.events - a.events).map((p) => html`<li><a href=${`#/actor/${encodeURIComponent(p.id)}`}>${p.name}</a> — ${p.events} ${t('events').toLowerCase()}</li>`)}</ul>`;
}
