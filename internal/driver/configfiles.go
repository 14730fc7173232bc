package driver

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"

	"github.com/deferlint/deferlint/internal/configfile"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/unitchecker"
	"golang.org/x/tools/go/packages"
)

// configs holds the configuration of each package analyzed (package configfile):
// the analyzers read the same files through configfile.Analyzer, and the driver
// grades their findings with it.
type configs map[*packages.Package]*configfile.Config

// loadConfigs reads the configuration files of the packages and checks the options
// they give every analyzer of the suite, whether or not it runs, so that a mistake
// stops the run before any analysis, in one line naming the file (relative to wd),
// the line and the key.
func loadConfigs(pkgs []*packages.Package, suite []*analysis.Analyzer, wd string) (configs, error) {
	byDir := make(map[string]*configfile.Config)
	result := make(configs)
	for _, pkg := range pkgs {
		dir := packageDir(pkg)
		c, ok := byDir[dir]
		if !ok {
			var err error
			if c, err = configfile.Load(dir); err == nil {
				err = c.Check(suite)
			}
			if err != nil {
				return nil, relativeConfigError(err, wd)
			}
			byDir[dir] = c
		}
		result[pkg] = c
	}
	return result, nil
}

// relativeConfigError names the file of a configfile.Error relative to wd, as the
// text output names source files.
func relativeConfigError(err error, wd string) error {
	var ce *configfile.Error
	if !errors.As(err, &ce) {
		return err
	}
	rel := *ce
	if r, err := filepath.Rel(wd, ce.File); err == nil {
		rel.File = r
	}
	return &rel
}

// of returns the configuration of pkg (none of its files when pkg was not loaded).
func (c configs) of(pkg *packages.Package) *configfile.Config {
	if cfg, ok := c[pkg]; ok {
		return cfg
	}
	empty, _ := configfile.Load("")
	return empty
}

// checkUnitConfig checks the configuration files of the package that the go command
// asks about in unit (the .cfg file of go vet -vettool), as loadConfigs does, so that
// a mistake is one line rather than the same error from every analyzer.
func checkUnitConfig(suite []*analysis.Analyzer, unit string) error {
	if !strings.HasSuffix(unit, ".cfg") {
		return nil // -V=full or -flags: no package
	}
	data, err := os.ReadFile(unit)
	if err != nil {
		return nil // unitchecker says what is wrong with it
	}
	var cfg unitchecker.Config
	if json.Unmarshal(data, &cfg) != nil || cfg.Dir == "" {
		return nil
	}
	c, err := configfile.Load(cfg.Dir)
	if err != nil {
		return err
	}
	return c.Check(suite)
}
