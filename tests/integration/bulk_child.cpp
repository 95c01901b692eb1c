// A separate process that runs a bulk resubmit against an emulator, for the test that kills it
// in the middle and resumes from the journal. It prints one line per finished item
// ("progress N") and "finished <succeeded> <failed>" at the end.
//   fc_bulk_child start  <base> <tenant> <upn> <journal> <env> <flow> <runs-file>
//   fc_bulk_child resume <base> <tenant> <upn> <journal>
#include "SignedInSession.h"

#include "ops/BulkEngine.h"
#include "ops/Journal.h"

#include <QCoreApplication>
#include <QFile>
#include <QTextStream>

using namespace Qt::Literals::StringLiterals;

int main(int argc, char *argv[])
{
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
    if (!journal.open(args[5]))
        return 5;

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
        engines.append(new fc::BulkEngine(session.client(), &journal, u"Resubmit"_s, items, &app));
    } else if (mode == "resume"_L1) {
        for (const fc::OperationRecord &op : journal.operations(true))
            engines.append(
                new fc::BulkEngine(session.client(), &journal, op.id, op.title, journal.items(op.id), &app));
    } else {
        return 2;
    }
    if (engines.isEmpty())
        return 7;

    int running = static_cast<int>(engines.size());
    for (fc::BulkEngine *engine : engines) {
        QObject::connect(engine, &fc::BulkEngine::progressChanged, &app,
                         [engine, &out] { out << "progress " << engine->counts().done() << Qt::endl; });
        QObject::connect(engine, &fc::BulkEngine::finished, &app, [engine, &out, &running, mode] {
            // After a resume, items found not processed are sent once more, as a user would.
            if (mode == "resume"_L1 && engine->counts().failed > 0 && engine->property("retried").isNull()) {
                engine->setProperty("retried", true);
                engine->retryFailed();
                return;
            }
            const fc::ItemCounts c = engine->counts();
            out << "finished " << c.succeeded << ' ' << c.failed << Qt::endl;
            if (--running == 0)
                QCoreApplication::quit();
        });
        engine->start();
    }
    return app.exec();
}
