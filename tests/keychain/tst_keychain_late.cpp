#include "FakeSecretService.h"
#include "auth/TokenStore.h"

#include <QLibrary>
#include <QSet>
#include <QSignalSpy>
#include <QTest>

#include <qt6keychain/keychain.h>

#include <memory>

Q_DECLARE_METATYPE(QKeychain::Error)

using namespace Qt::Literals::StringLiterals;
using fc::ApiError;
using fc::Done;
using fc::Result;
using fc::TokenStore;

// A keychain that answers after TokenStore's timeout: GNOME Keyring does so on a fresh desktop,
// when it asks the user to create a default keyring and they take their time. TokenStore has
// answered "Timeout" by then; the late answer must do no harm and reach no one.
//
// Runs in its own session bus (dbus-run-session, no gnome-keyring) where this process owns
// org.freedesktop.secrets with a fake Secret Service that answers chosen calls late. QtKeychain
// talks to it through libsecret, as it talks to GNOME Keyring on a desktop.

namespace {

constexpr int TimeoutMs = 300;
constexpr int LateMs = 1000; // well after the timeout
const QString Secret = u"late-secret-value-5f2c"_s;

QString entryKey()
{
    return TokenStore::keyFor(u"Contoso"_s, u"adele@contoso.com"_s);
}

// What QtKeychain's libsecret backend stores a text entry under.
QMap<QString, QString> entryAttributes()
{
    return {{u"user"_s, entryKey()}, {u"server"_s, TokenStore::service()}, {u"type"_s, u"plaintext"_s}};
}

} // namespace

// Follows QtKeychain's job objects, which TokenStore creates and never shows: each one gets its
// start as a queued call, and an application-wide event filter sees that event. From then on the
// watcher knows when the job finished (and with which error) and when it was deleted.
class JobWatcher : public QObject
{
    Q_OBJECT
public:
    int started() const { return m_started; }
    int destroyed() const { return m_destroyed; }
    int finished() const { return int(m_errors.size()); }
    QKeychain::Error lastError() const { return m_errors.isEmpty() ? QKeychain::NoError : m_errors.last(); }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        auto *job = qobject_cast<QKeychain::Job *>(watched);
        if (job && !m_jobs.contains(job)) {
            m_jobs.insert(job);
            ++m_started;
            connect(job, &QKeychain::Job::finished, this,
                    [this](QKeychain::Job *done) { m_errors.append(done->error()); });
            connect(job, &QObject::destroyed, this, [this, job] {
                m_jobs.remove(job);
                ++m_destroyed;
            });
        }
        return QObject::eventFilter(watched, event);
    }

private:
    QSet<QObject *> m_jobs;
    int m_started = 0;
    int m_destroyed = 0;
    QList<QKeychain::Error> m_errors;
};

class TestKeychainLate : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void inTimeAnswersArePassedOn();
    void lateAnswerIsDropped_data();
    void lateAnswerIsDropped();
    void contextDiesBeforeTheTimeout_data();
    void contextDiesBeforeTheTimeout();
    void contextDiesAfterTheTimeoutBeforeTheLateAnswer();

private:
    struct Answer
    {
        bool ok = false;
        ApiError error;
        QString value;
    };
    void start(TokenStore &store, const QString &operation, QObject *context);
    template <typename T>
    void record(const Result<T> &result, const QString &value = {});
    // A prompt read through a fresh TokenStore: the value, or the error code.
    QString readNow();

    std::unique_ptr<FakeSecretService> m_fake;
    JobWatcher m_watcher;
    QList<Answer> m_answers;
};

void TestKeychainLate::initTestCase()
{
    // Set by CTest, which starts this test inside dbus-run-session: never take the name
    // org.freedesktop.secrets on a developer's own session bus.
    if (qEnvironmentVariable("FC_PRIVATE_SESSION_BUS") != "1"_L1)
        QSKIP("runs only in its own session bus: ctest runs it under dbus-run-session");
    // QtKeychain (Debian 12: 0.13) loads libsecret at run time and uses it when it is there.
    QLibrary libsecret(u"secret-1"_s, 0);
    if (!libsecret.load())
        QSKIP("libsecret-1.so.0 is not installed: QtKeychain would not talk to a Secret Service");

    m_fake = std::make_unique<FakeSecretService>();
    QString error;
    QVERIFY2(m_fake->start(&error), qPrintable(error));
    QCoreApplication::instance()->installEventFilter(&m_watcher);
}

void TestKeychainLate::init()
{
    m_answers.clear();
    m_fake->clearItems();
    m_fake->clearCalls();
}

void TestKeychainLate::cleanup()
{
    // FC_FAKE_SECRETS_TRACE=1 shows what libsecret asked, for every test.
    if (QTest::currentTestFailed() || qEnvironmentVariableIsSet("FC_FAKE_SECRETS_TRACE"))
        qWarning().noquote() << "Calls the fake Secret Service received:" << m_fake->calls().join(u"; "_s);
    // Leave no job in flight: QtKeychain runs one job at a time, the next test's would wait.
    m_fake->answerAllInTime();
    QTRY_VERIFY(!m_fake->lateAnswersPending());
    QTRY_COMPARE(m_watcher.destroyed(), m_watcher.started());
}

void TestKeychainLate::start(TokenStore &store, const QString &operation, QObject *context)
{
    if (operation == u"read"_s) {
        store.read(entryKey(), context,
                   [this](Result<QString> r) { record(r, r.ok() ? r.value() : QString()); });
    } else if (operation == u"write"_s) {
        store.write(entryKey(), Secret, context, [this](Result<Done> r) { record(r); });
    } else if (operation == u"remove"_s) {
        store.remove(entryKey(), context, [this](Result<Done> r) { record(r); });
    } else {
        QFAIL("unknown operation");
    }
}

template <typename T>
void TestKeychainLate::record(const Result<T> &result, const QString &value)
{
    m_answers.append(Answer{result.ok(), result.error(), value});
}

QString TestKeychainLate::readNow()
{
    const qsizetype before = m_answers.size();
    TokenStore store;
    store.setTimeout(10000);
    start(store, u"read"_s, this);
    if (!QTest::qWaitFor([&] { return m_answers.size() > before; }, 15000))
        return u"(no answer)"_s;
    const Answer answer = m_answers.takeLast();
    return answer.ok ? answer.value : u"error:"_s + answer.error.code;
}

// The fake speaks enough of the protocol for every call to succeed when it answers in time; so
// a late "success" below really is one.
void TestKeychainLate::inTimeAnswersArePassedOn()
{
    TokenStore store;
    store.setTimeout(10000);
    start(store, u"write"_s, this);
    QTRY_COMPARE(m_answers.size(), 1);
    QVERIFY2(m_answers.at(0).ok, qPrintable(m_answers.at(0).error.toString()));
    QCOMPARE(m_fake->valueOf(entryAttributes()), Secret.toUtf8());

    QCOMPARE(readNow(), Secret);

    start(store, u"remove"_s, this);
    QTRY_COMPARE(m_answers.size(), 2);
    QVERIFY2(m_answers.at(1).ok, qPrintable(m_answers.at(1).error.toString()));
    QCOMPARE(m_fake->itemCount(), 0);

    QCOMPARE(readNow(), u"error:EntryNotFound"_s);
    QTRY_COMPARE(m_watcher.destroyed(), m_watcher.started());
    QCOMPARE(m_answers.size(), 2);
}

void TestKeychainLate::lateAnswerIsDropped_data()
{
    QTest::addColumn<QString>("operation");
    QTest::addColumn<bool>("entryBefore");
    QTest::addColumn<QString>("lateCall");
    QTest::addColumn<FakeSecretService::LateAnswer>("late");
    QTest::addColumn<QKeychain::Error>("jobError");
    QTest::addColumn<QString>("readAfter");

    const auto success = FakeSecretService::LateAnswer::Success;
    const auto refusal = FakeSecretService::LateAnswer::Error;
    const QString notFound = u"error:EntryNotFound"_s;
    // The late secret is read, then dropped.
    QTest::newRow("read, late secret")
        << u"read"_s << true << u"GetSecrets"_s << success << QKeychain::NoError << Secret;
    QTest::newRow("read, late refusal")
        << u"read"_s << true << u"SearchItems"_s << refusal << QKeychain::OtherError << Secret;
    // A write that timed out may still be stored.
    QTest::newRow("write, late success")
        << u"write"_s << false << u"CreateItem"_s << success << QKeychain::NoError << Secret;
    QTest::newRow("write, late refusal")
        << u"write"_s << false << u"CreateItem"_s << refusal << QKeychain::OtherError << notFound;
    QTest::newRow("remove, late success")
        << u"remove"_s << true << u"Delete"_s << success << QKeychain::NoError << notFound;
    QTest::newRow("remove, late refusal")
        << u"remove"_s << true << u"SearchItems"_s << refusal << QKeychain::OtherError << Secret;
}

void TestKeychainLate::lateAnswerIsDropped()
{
    QFETCH(QString, operation);
    QFETCH(bool, entryBefore);
    QFETCH(QString, lateCall);
    QFETCH(FakeSecretService::LateAnswer, late);
    QFETCH(QKeychain::Error, jobError);
    QFETCH(QString, readAfter);

    if (entryBefore)
        m_fake->putItem(entryAttributes(), Secret.toUtf8());
    m_fake->answerLate(lateCall, LateMs, late);
    QSignalSpy lateAnswers(m_fake.get(), &FakeSecretService::lateAnswerSent);
    qsizetype answersWhenLate = -1;
    QObject scope; // disconnects the lambda below when this function returns, however it returns
    connect(m_fake.get(), &FakeSecretService::lateAnswerSent, &scope,
            [&] { answersWhenLate = m_answers.size(); });
    const int finishedBefore = m_watcher.finished();

    TokenStore store;
    store.setTimeout(TimeoutMs);
    start(store, operation, this);

    // The timeout answers first (its timer started before the fake's, and is shorter)...
    QTRY_COMPARE(m_answers.size(), 1);
    const Answer answer = m_answers.at(0);
    QVERIFY(!answer.ok);
    QCOMPARE(answer.error.code, u"Timeout"_s);
    QCOMPARE(answer.error.operation, u"keychain"_s);
    QVERIFY2(!answer.error.toString().contains(Secret), qPrintable(answer.error.toString()));
    QVERIFY(answer.value.isEmpty());

    // ...then the keychain answers, QtKeychain's job finishes and deletes itself.
    QTRY_COMPARE(lateAnswers.size(), 1);
    QCOMPARE(lateAnswers.at(0).at(0).toString(), lateCall);
    QCOMPARE(answersWhenLate, 1); // the keychain answered after the caller had its Timeout
    QTRY_COMPARE(m_watcher.finished(), finishedBefore + 1);
    QCOMPARE(m_watcher.lastError(), jobError); // the late answer was what this row says it is
    QTRY_COMPARE(m_watcher.destroyed(), m_watcher.started());

    // The caller heard once, and only of the timeout.
    QCOMPARE(m_answers.size(), 1);
    QCOMPARE(m_answers.at(0).error.code, u"Timeout"_s);

    // The store goes on working, and the keychain holds what the late answer left in it.
    QCOMPARE(readNow(), readAfter);
    QCOMPARE(m_answers.size(), 1);
}

void TestKeychainLate::contextDiesBeforeTheTimeout_data()
{
    QTest::addColumn<bool>("storeIsContext");
    QTest::newRow("context object") << false;
    QTest::newRow("no context: the store itself") << true;
}

// No answer at all, neither the timeout nor the late one.
void TestKeychainLate::contextDiesBeforeTheTimeout()
{
    QFETCH(bool, storeIsContext);
    m_fake->putItem(entryAttributes(), Secret.toUtf8());
    m_fake->answerLate(u"GetSecrets"_s, LateMs, FakeSecretService::LateAnswer::Success);
    QSignalSpy lateAnswers(m_fake.get(), &FakeSecretService::lateAnswerSent);
    const int finishedBefore = m_watcher.finished();

    auto store = std::make_unique<TokenStore>();
    store->setTimeout(TimeoutMs);
    auto context = std::make_unique<QObject>();
    start(*store, u"read"_s, storeIsContext ? nullptr : context.get());
    if (storeIsContext)
        store.reset();
    else
        context.reset();

    // The late answer comes after the timeout would have fired.
    QTRY_COMPARE(lateAnswers.size(), 1);
    QTRY_COMPARE(m_watcher.finished(), finishedBefore + 1);
    QCOMPARE(m_watcher.lastError(), QKeychain::NoError);
    QTRY_COMPARE(m_watcher.destroyed(), m_watcher.started());
    QCOMPARE(m_answers.size(), 0);
}

void TestKeychainLate::contextDiesAfterTheTimeoutBeforeTheLateAnswer()
{
    m_fake->putItem(entryAttributes(), Secret.toUtf8());
    m_fake->answerLate(u"GetSecrets"_s, LateMs, FakeSecretService::LateAnswer::Success);
    QSignalSpy lateAnswers(m_fake.get(), &FakeSecretService::lateAnswerSent);
    const int finishedBefore = m_watcher.finished();

    TokenStore store;
    store.setTimeout(TimeoutMs);
    auto context = std::make_unique<QObject>();
    start(store, u"read"_s, context.get());
    QTRY_COMPARE(m_answers.size(), 1);
    QCOMPARE(m_answers.at(0).error.code, u"Timeout"_s);
    QVERIFY2(m_watcher.finished() == finishedBefore, "the job finished before its context died");
    context.reset();

    QTRY_COMPARE(lateAnswers.size(), 1);
    QTRY_COMPARE(m_watcher.finished(), finishedBefore + 1);
    QCOMPARE(m_watcher.lastError(), QKeychain::NoError);
    QTRY_COMPARE(m_watcher.destroyed(), m_watcher.started());
    QCOMPARE(m_answers.size(), 1);
}

QTEST_GUILESS_MAIN(TestKeychainLate)
#include "tst_keychain_late.moc"
