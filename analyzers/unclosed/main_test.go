package unclosed_test

import (
	"os"
	"testing"

	"github.com/deferlint/deferlint/internal/testheap"
)

func TestMain(m *testing.M) { os.Exit(testheap.Run(m)) }
