/**
 * ECharts themes matching renderer/styles/theme.css. ECharts draws on a canvas and cannot read
 * CSS variables, so the two palettes are repeated here once.
 */
const FONT = "'PT Sans', 'DejaVu Sans', sans-serif";

export const DESK_THEME = {
  backgroundColor: 'transparent',
  textStyle: { fontFamily: FONT, color: '#1d232b' },
  title: { textStyle: { color: '#1d232b', fontSize: 14 } },
  legend: { textStyle: { color: '#1d232b' } },
  categoryAxis: { axisLabel: { color: '#5a6472' }, axisLine: { lineStyle: { color: '#c3c9d1' } } },
  valueAxis: { axisLabel: { color: '#5a6472' }, splitLine: { lineStyle: { color: '#e4e7eb' } } },
};

export const WALL_THEME = {
  backgroundColor: 'transparent',
  textStyle: { fontFamily: FONT, color: '#eef2f6' },
  title: { textStyle: { color: '#eef2f6' } },
  legend: { textStyle: { color: '#eef2f6' } },
  categoryAxis: { axisLabel: { color: '#a9b6c3' }, axisLine: { lineStyle: { color: '#2c3a48' } } },
  valueAxis: { axisLabel: { color: '#a9b6c3' }, splitLine: { lineStyle: { color: '#2c3a48' } } },
};

export const PNG_BACKGROUND = { operator: '#ffffff', wall: '#0e141b' } as const;
