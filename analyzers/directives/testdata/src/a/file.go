//deferlint:file-ignore deferargs the whole file logs start times on purpose

package a

/* want `//deferlint:file-ignore names no analyzer: write //deferlint:file-ignore NAME\[,NAME\] reason` */ //deferlint:file-ignore

/* want `//deferlint:file-ignore needs a reason after the analyzer names, so that a reviewer can judge the suppression` */ //deferlint:file-ignore unclosed

/* want `//deferlint:file-ignore names unknown analyzer "unclose", so it silences nothing: use a name from deferlint -list` */ //deferlint:file-ignore unclose a typo

//deferlint:file-ignored not a directive: another word
