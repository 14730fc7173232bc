package driver

// A filter keeps the findings a run reports: with -baseline, those not recorded in
// the baseline; with -new-from-rev, those on lines changed since the revision. It
// must be given the whole list of a run's findings at once, since a fingerprint's
// index counts identical findings.
type filter func([]finding) []finding

// newFilter reads the baseline and asks git what changed, before any analysis, so
// that a mistake in either stops the run at once.
func newFilter(cfg *config, wd string) (filter, error) {
	root := repositoryRoot(wd)
	var steps []filter
	if cfg.baseline != "" {
		recorded, err := readBaseline(cfg.baseline)
		if err != nil {
			return nil, err
		}
		steps = append(steps, func(found []finding) []finding { return notInBaseline(found, recorded, root) })
	}
	if cfg.newFromRev != "" {
		c, err := changedSince(wd, cfg.newFromRev)
		if err != nil {
			return nil, err
		}
		steps = append(steps, c.onChangedLines)
	}
	return func(found []finding) []finding {
		for _, step := range steps {
			found = step(found)
		}
		return found
	}, nil
}
