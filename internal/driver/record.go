package driver

import (
	"bytes"
	"encoding/gob"
	"go/token"
)

// A record is a unitResult as the cache stores it: findings with their positions
// (file, line, column and byte offset) and their fixes' edits (byte offsets in the
// file on disk), the directives, the analyzers that ran and the facts, so that a
// result read back gives every output format, -fix and -diff the same bytes as a
// result computed afresh.
type record struct {
	Findings   []findingRecord
	Directives []directiveRecord
	Ran        []string
	Facts      []byte
}

type findingRecord struct {
	Analyzer, URL, Message, Category, Function string
	Posn, End                                  token.Position
	Fixes                                      []fixRecord
	Related                                    []relatedRecord
}

type relatedRecord struct {
	Posn, End token.Position
	Message   string
}

type fixRecord struct {
	Message string
	Edits   []editRecord
}

type editRecord struct {
	Filename           string
	Start, End         int
	NewText            string
	StartPosn, EndPosn token.Position
}

type directiveRecord struct {
	Key               string
	Posn, End         token.Position
	Analyzers         []string
	Used              bool
	Message, Function string
}

func encodeResult(res *unitResult) ([]byte, error) {
	facts, err := res.facts.encode()
	if err != nil {
		return nil, err
	}
	rec := record{Ran: res.ran, Facts: facts}
	for _, f := range res.found {
		fr := findingRecord{Analyzer: f.analyzer, URL: f.url, Message: f.message, Category: f.category, Function: f.function, Posn: f.posn, End: f.end}
		for _, fx := range f.fixes {
			xr := fixRecord{Message: fx.message}
			for _, e := range fx.edits {
				xr.Edits = append(xr.Edits, editRecord{e.filename, e.start, e.end, e.newText, e.startPosn, e.endPosn})
			}
			fr.Fixes = append(fr.Fixes, xr)
		}
		for _, r := range f.related {
			fr.Related = append(fr.Related, relatedRecord{r.posn, r.end, r.message})
		}
		rec.Findings = append(rec.Findings, fr)
	}
	for _, d := range res.directives {
		rec.Directives = append(rec.Directives, directiveRecord{d.key, d.posn, d.end, d.analyzers, d.used, d.message, d.function})
	}
	var buf bytes.Buffer
	if err := gob.NewEncoder(&buf).Encode(rec); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// decodeResult reads what encodeResult wrote, or fails: a payload that passed the
// store's checksum but does not decode is not trusted either.
func decodeResult(data []byte, known factTypes) (*unitResult, error) {
	var rec record
	if err := gob.NewDecoder(bytes.NewReader(data)).Decode(&rec); err != nil {
		return nil, err
	}
	facts, err := decodeFacts(rec.Facts, known)
	if err != nil {
		return nil, err
	}
	res := &unitResult{ran: rec.Ran, facts: facts}
	for _, fr := range rec.Findings {
		f := finding{analyzer: fr.Analyzer, url: fr.URL, message: fr.Message, category: fr.Category, function: fr.Function, posn: fr.Posn, end: fr.End}
		for _, xr := range fr.Fixes {
			fx := fix{message: xr.Message}
			for _, e := range xr.Edits {
				fx.edits = append(fx.edits, edit{e.Filename, e.Start, e.End, e.NewText, e.StartPosn, e.EndPosn})
			}
			f.fixes = append(f.fixes, fx)
		}
		for _, r := range fr.Related {
			f.related = append(f.related, related{r.Posn, r.End, r.Message})
		}
		res.found = append(res.found, f)
	}
	for _, d := range rec.Directives {
		res.directives = append(res.directives, directive{d.Key, d.Posn, d.End, d.Analyzers, d.Used, d.Message, d.Function})
	}
	return res, nil
}
