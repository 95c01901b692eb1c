#include "auth/TokenStore.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>

#include <optional>

using namespace Qt::Literals::StringLiterals;
using fc::Done;
using fc::Result;
using fc::TokenStore;

// Talks to a real Secret Service. Run twice by CTest: inside dbus-run-session with an unlocked
// gnome-keyring (FC_KEYCHAIN_MODE=available), and with no session bus at all
// (FC_KEYCHAIN_MODE=no-bus), where every job must fail clearly within the timeout.
class TestKeychain : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void writeReadOverwriteDelete();
    void missingEntry();
    void noBusFailsClearlyWithinTimeout();

private:
    template <typename T>
    std::optional<Result<T>> wait(std::function<void(std::function<void(Result<T>)>)> start, int timeoutMs);
    bool m_available = false;
};

template <typename T>
std::optional<Result<T>> TestKeychain::wait(std::function<void(std::function<void(Result<T>)>)> start,
                                            int timeoutMs)
{
    std::optional<Result<T>> result;
    start([&result](Result<T> r) { result.emplace(std::move(r)); });
    // Event-driven wait: returns as soon as the job answered.
    [[maybe_unused]] const bool answered =
        QTest::qWaitFor([&result] { return result.has_value(); }, timeoutMs);
    return result;
}

void TestKeychain::initTestCase()
{
    m_available = qEnvironmentVariable("FC_KEYCHAIN_MODE") == "available"_L1;
}

void TestKeychain::writeReadOverwriteDelete()
{
    if (!m_available)
        QSKIP("runs only inside a session bus with gnome-keyring");
    TokenStore store;
    store.setTimeout(15000);
    const QString key = TokenStore::keyFor(u"Contoso"_s, u"adele@contoso.com"_s);

    auto written = wait<Done>([&](auto cb) { store.write(key, u"refresh-1"_s, this, cb); }, 20000);
    QVERIFY(written);
    QVERIFY2(written->ok(), qPrintable(written->error().toString()));

    auto read = wait<QString>([&](auto cb) { store.read(key, this, cb); }, 20000);
    QVERIFY(read && read->ok());
    QCOMPARE(read->value(), u"refresh-1"_s);

    written = wait<Done>([&](auto cb) { store.write(key, u"refresh-2 rotated"_s, this, cb); }, 20000);
    QVERIFY(written && written->ok());
    read = wait<QString>([&](auto cb) { store.read(key, this, cb); }, 20000);
    QVERIFY(read && read->ok());
    QCOMPARE(read->value(), u"refresh-2 rotated"_s);

    // Another profile's key is a separate entry.
    const QString other = TokenStore::keyFor(u"Fabrikam"_s, u"adele@contoso.com"_s);
    read = wait<QString>([&](auto cb) { store.read(other, this, cb); }, 20000);
    QVERIFY(read && !read->ok());

    auto removed = wait<Done>([&](auto cb) { store.remove(key, this, cb); }, 20000);
    QVERIFY(removed && removed->ok());
    read = wait<QString>([&](auto cb) { store.read(key, this, cb); }, 20000);
    QVERIFY(read && !read->ok());
    QCOMPARE(read->error().code, u"EntryNotFound"_s);
}

void TestKeychain::missingEntry()
{
    if (!m_available)
        QSKIP("runs only inside a session bus with gnome-keyring");
    TokenStore store;
    auto read = wait<QString>([&](auto cb) { store.read(u"nobody/none"_s, this, cb); }, 20000);
    QVERIFY(read && !read->ok());
    QCOMPARE(read->error().code, u"EntryNotFound"_s);
    QVERIFY(!read->error().message.isEmpty());
}

void TestKeychain::noBusFailsClearlyWithinTimeout()
{
    if (m_available)
        QSKIP("runs only without a session bus");
    TokenStore store;
    const int timeoutMs = 3000;
    store.setTimeout(timeoutMs);
    QElapsedTimer clock;
    clock.start();
    auto written =
        wait<Done>([&](auto cb) { store.write(u"p/a"_s, u"secret-value"_s, this, cb); }, timeoutMs + 5000);
    QVERIFY2(written, "the keychain job neither finished nor timed out");
    QVERIFY(!written->ok());
    const QString message = written->error().toString();
    QVERIFY2(message.contains(u"keychain"_s, Qt::CaseInsensitive), qPrintable(message));
    // The secret never appears in what is shown to the user.
    QVERIFY(!message.contains(u"secret-value"_s));
    QVERIFY(clock.elapsed() < timeoutMs + 5000);
}

QTEST_GUILESS_MAIN(TestKeychain)
#include "tst_keychain.moc"
