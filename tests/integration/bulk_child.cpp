// A separate process that runs a bulk resubmit against an emulator, for the tests that kill it
// in the middle, run two of it on one journal, or give it a journal that cannot grow. It prints
// one line per finished item ("progress N") and "finished <succeeded> <failed>" at the end; an
// operation another process holds prints "held-elsewhere <why>" (exit 9), one that stopped on its
// own "stopped <reason>" (exit 8), and one that could not be recorded at all exits 5.
//   fc_bulk_child start  <base> <tenant> <upn> <journal> <env> <flow> <runs-file>
//   fc_bulk_child resume <base> <tenant> <upn> <journal>
// FC_VERIFY_SETTLE_MS sets how long an unknown resubmit waits before it is looked for.
#include "SignedInSession.h"

#include "ops/BulkEngine.h"
#include "ops/Journal.h"

#include <QCoreApplication>
#include <QFile>
#include <QTextStream>

#include <csignal>

using namespace Qt::Literals::StringLiterals;

int main(int argc, char *argv[])
{
#ifdef SIGXFSZ
    // Under `ulimit -f`, a write past the limit must fail (EFBIG) as on a full disk, not kill us.
    std::signal(SIGXFSZ, SIG_IGN);
#endif
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    QTextStream out(stdout);
    if (args.size() < 6)
        return 2;
    const QString mode = args[1];
    fc::Session session;
    if (session.setProfile(fc::test::emulatorProfile(QUrl(args[2]), args[3], fc::Dialect::Live)))
        return 3;
    if (!fc::test::signIn(session, args[4]))
        return 4;
    fc::Journal journal;
    QString openError;
    if (!journal.open(args[5], &openError)) {
        out << "stopped the journal could not be opened: " << openError << Qt::endl;
        return 5;
    }

    QList<fc::BulkEngine *> engines;
    if (mode == "start"_L1 && args.size() >= 9) {
        QFile file(args[8]);
        if (!file.open(QIODevice::ReadOnly))
            return 6;
        QList<fc::BulkItem> items;
        for (const QByteArray &line : file.readAll().split('\n')) {
            if (line.trimmed().isEmpty())
                continue;
            fc::BulkItem item;
            item.action = fc::BulkAction::ResubmitRun;
            item.env = args[6];
            item.flow = args[7];
            item.run = QString::fromUtf8(line.trimmed());
            items.append(item);
        }
        auto *engine = new fc::BulkEngine(session.client(), &journal, u"Resubmit"_s, items, &app);
        if (!engine->operationId()) {
            out << "stopped " << journal.lastError() << Qt::endl;
            return 5;
        }
        engines.append(engine);
    } else if (mode == "resume"_L1) {
        for (const fc::OperationRecord &op : journal.operations(true)) {
            QString why;
            if (!journal.acquire(op.id, &why)) {
                out << "held-elsewhere " << why << Qt::endl;
                return 9;
            }
            engines.append(
                new fc::BulkEngine(session.client(), &journal, op.id, op.title, journal.items(op.id), &app));
        }
    } else {
        return 2;
    }
    if (engines.isEmpty())
        return 7;

    int running = static_cast<int>(engines.size());
    int exitCode = 0;
    const qint64 settle = qEnvironmentVariableIntValue("FC_VERIFY_SETTLE_MS");
    for (fc::BulkEngine *engine : engines) {
        if (qEnvironmentVariableIsSet("FC_VERIFY_SETTLE_MS"))
            engine->setVerifySettleMs(settle);
        QObject::connect(engine, &fc::BulkEngine::progressChanged, &app,
                         [engine, &out] { out << "progress " << engine->counts().done() << Qt::endl; });
        QObject::connect(engine, &fc::BulkEngine::finished, &app, [engine, &out, &running, &exitCode, mode] {
            if (!engine->stopReason().isEmpty()) {
                out << "stopped " << engine->stopReason() << Qt::endl;
                exitCode = 8;
                if (--running == 0)
                    QCoreApplication::exit(exitCode);
                return;
            }
            // After a resume, items found not processed are sent once more, as a user would.
            if (mode == "resume"_L1 && engine->counts().failed > 0 && engine->property("retried").isNull()) {
                engine->setProperty("retried", true);
                engine->retryFailed();
                return;
            }
            const fc::ItemCounts c = engine->counts();
            out << "finished " << c.succeeded << ' ' << c.failed << Qt::endl;
            if (--running == 0)
                QCoreApplication::exit(exitCode);
        });
        engine->start();
    }
    return app.exec();
}
