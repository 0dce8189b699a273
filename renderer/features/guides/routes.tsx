import type { FeatureRoute } from '../../app/feature';
import { GuideEditPage } from './GuideEditPage';
import { GuidePage } from './GuidePage';
import { GuidesPage } from './GuidesPage';
import { HandoutPage } from './HandoutPage';
import { holderOf } from './paths';
import { PacksPage } from './PacksPage';

// "guides/partage" before "guides"; "guide/<id>/…" before "guide/<id>": the first route that matches wins.
export const routes: FeatureRoute[] = [
  {
    name: 'guidePacks',
    match: ({ parts }) => (parts[0] === 'guides' && parts[1] === 'partage' ? <PacksPage /> : null),
  },
  {
    name: 'guides',
    match: ({ parts, params }) =>
      parts[0] === 'guides' && parts.length === 1 ? (
        <GuidesPage key={params.toString()} holder={holderOf(params)} />
      ) : null,
  },
  {
    name: 'guideEdit',
    match: ({ parts }) =>
      parts[0] === 'guide' && parts[1] && parts[2] === 'modifier' ? (
        <GuideEditPage key={parts[1]} id={parts[1]} />
      ) : null,
  },
  {
    name: 'guideHandout',
    match: ({ parts }) =>
      parts[0] === 'guide' && parts[1] && parts[2] === 'fiche-remise' ? (
        <HandoutPage key={parts[1]} id={parts[1]} />
      ) : null,
  },
  {
    name: 'guide',
    match: ({ parts, params }) =>
      parts[0] === 'guide' && parts[1] && parts.length === 2 ? (
        <GuidePage key={`${parts[1]}?${params.toString()}`} id={parts[1]} holder={holderOf(params)} />
      ) : null,
  },
];
