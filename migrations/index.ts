import * as migration_20261201_063709_initial from './20261201_063709_initial';
import * as migration_20261201_064000_constraints_and_search_indexes from './20261201_064000_constraints_and_search_indexes';

export const migrations = [
  {
    up: migration_20261201_063709_initial.up,
    down: migration_20261201_063709_initial.down,
    name: '20261201_063709_initial'
  },
  {
    up: migration_20261201_064000_constraints_and_search_indexes.up,
    down: migration_20261201_064000_constraints_and_search_indexes.down,
    name: '20261201_064000_constraints_and_search_indexes'
  },
];
