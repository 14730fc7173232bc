package a

func f() {
	//deferlint:ignore deferargs the reason is given
	/* want `//deferlint:ignore names no analyzer: write //deferlint:ignore NAME\[,NAME\] reason` */ //deferlint:ignore
	/* want `//deferlint:ignore needs a reason after the analyzer names, so that a reviewer can judge the suppression` */ //deferlint:ignore deferargs
	/* want `//deferlint:ignore names unknown analyzer "deferloops", so it silences nothing: use a name from deferlint -list` */ //deferlint:ignore deferloops a typo
	//deferlint:ignored not a directive: another word
	// deferlint:ignore not a directive: a space after the slashes

	// A well-formed directive naming this analyzer silences the bad one below it.
	//deferlint:ignore deferargs,directives the next directive is kept on purpose
	//deferlint:ignore deferargs
}
