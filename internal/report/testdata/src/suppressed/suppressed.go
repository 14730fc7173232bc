package suppressed

import (
	"log"
	"time"
)

func lineAbove() {
	start := time.Now()
	//deferlint:ignore deferargs the start-up duration is logged on purpose
	defer log.Println(time.Since(start))
}

func sameLine() {
	start := time.Now()
	defer log.Println(time.Since(start)) //deferlint:ignore deferargs,directives measured on purpose
}

func twoLinesAbove() {
	start := time.Now()
	//deferlint:ignore deferargs too far away to count

	defer log.Println(time.Since(start)) // want `time.Since\(start\) is evaluated`
}

func otherAnalyzer() {
	start := time.Now()
	//deferlint:ignore directives names another analyzer
	defer log.Println(time.Since(start)) // want `time.Since\(start\) is evaluated`
}

func noReason() {
	start := time.Now()
	//deferlint:ignore deferargs
	defer log.Println(time.Since(start)) // want `time.Since\(start\) is evaluated`
}

func unknownName() {
	start := time.Now()
	//deferlint:ignore deferarg typo
	defer log.Println(time.Since(start)) // want `time.Since\(start\) is evaluated`
}
