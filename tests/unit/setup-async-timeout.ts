import { configure } from '@testing-library/dom';

// CI and developer machines here have two shared cores: a screen that settles in 50 ms when idle
// can take seconds under load, so async UI assertions wait longer than Testing Library's 1 s default.
configure({ asyncUtilTimeout: 15_000 });
