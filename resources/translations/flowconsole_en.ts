<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>Messages</name>
    <message>
        <location filename="../../ui/Messages.cpp" line="47"/>
        <source>the service refused it: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/Messages.cpp" line="77"/>
        <source>Request id: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/Messages.cpp" line="90"/>
        <source>&amp;Copy details</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <location filename="../../app/auth/TokenStore.cpp" line="73"/>
        <source>The system keychain did not answer within %1 seconds (%2). Is a Secret Service (for example GNOME Keyring or KWallet) running and unlocked?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/auth/TokenStore.cpp" line="93"/>
        <source>The system keychain refused to %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RunDisplay</name>
    <message>
        <location filename="../../models/RunDisplay.cpp" line="15"/>
        <source>Running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../models/RunDisplay.cpp" line="17"/>
        <source>Waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../models/RunDisplay.cpp" line="19"/>
        <source>Succeeded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../models/RunDisplay.cpp" line="21"/>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../models/RunDisplay.cpp" line="23"/>
        <source>Cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../models/RunDisplay.cpp" line="25"/>
        <source>Suspended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../models/RunDisplay.cpp" line="27"/>
        <source>Cancelling</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../models/RunDisplay.cpp" line="31"/>
        <source>Unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../models/RunDisplay.cpp" line="120"/>
        <source>%1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../models/RunDisplay.cpp" line="123"/>
        <source>%1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../models/RunDisplay.cpp" line="125"/>
        <source>%1 min %2 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../models/RunDisplay.cpp" line="127"/>
        <source>%1 h %2 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../models/RunDisplay.cpp" line="128"/>
        <source>%1 d %2 h</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fc</name>
    <message>
        <location filename="../../app/api/NetworkErrors.cpp" line="15"/>
        <source>The server refused the connection.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/api/NetworkErrors.cpp" line="17"/>
        <source>The server closed the connection before answering.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/api/NetworkErrors.cpp" line="19"/>
        <source>The server&apos;s name could not be resolved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/api/NetworkErrors.cpp" line="21"/>
        <source>The connection timed out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/api/NetworkErrors.cpp" line="23"/>
        <source>The request was cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/api/NetworkErrors.cpp" line="25"/>
        <source>The secure connection could not be established (TLS).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/api/NetworkErrors.cpp" line="27"/>
        <source>The network is temporarily unavailable.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/api/NetworkErrors.cpp" line="29"/>
        <source>The network session failed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/api/NetworkErrors.cpp" line="31"/>
        <source>Background requests are not allowed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/api/NetworkErrors.cpp" line="33"/>
        <source>The server redirected too many times.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/api/NetworkErrors.cpp" line="35"/>
        <source>The server redirected from https to plain http.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/api/NetworkErrors.cpp" line="37"/>
        <source>The proxy refused the connection.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/api/NetworkErrors.cpp" line="39"/>
        <source>The proxy closed the connection.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/api/NetworkErrors.cpp" line="41"/>
        <source>The proxy could not be found.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/api/NetworkErrors.cpp" line="43"/>
        <source>The proxy timed out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/api/NetworkErrors.cpp" line="45"/>
        <source>The proxy requires authentication.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/api/NetworkErrors.cpp" line="47"/>
        <source>Access denied (403).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/api/NetworkErrors.cpp" line="49"/>
        <source>The operation is not permitted (405).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/api/NetworkErrors.cpp" line="51"/>
        <source>Not found (404).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/api/NetworkErrors.cpp" line="53"/>
        <source>The server requires authentication (401).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/api/NetworkErrors.cpp" line="55"/>
        <source>The request had to be sent again and could not be.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/api/NetworkErrors.cpp" line="57"/>
        <source>The request conflicts with the current state (409).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/api/NetworkErrors.cpp" line="59"/>
        <source>The resource is gone (410).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/api/NetworkErrors.cpp" line="61"/>
        <source>The server failed (500).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/api/NetworkErrors.cpp" line="63"/>
        <source>The server does not implement this (501).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/api/NetworkErrors.cpp" line="65"/>
        <source>The service is unavailable (503).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/api/NetworkErrors.cpp" line="67"/>
        <source>Unknown protocol.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/api/NetworkErrors.cpp" line="69"/>
        <source>Invalid operation for the protocol.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/api/NetworkErrors.cpp" line="71"/>
        <source>Unknown network error.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/api/NetworkErrors.cpp" line="73"/>
        <source>Unknown proxy error.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/api/NetworkErrors.cpp" line="75"/>
        <source>The server answered with an unexpected status.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/api/NetworkErrors.cpp" line="77"/>
        <source>The server&apos;s answer broke the HTTP protocol.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/api/NetworkErrors.cpp" line="79"/>
        <source>Unknown server error.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/api/NetworkErrors.cpp" line="81"/>
        <source>Network error %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/auth/Profile.cpp" line="53"/>
        <source>The %1 URL is missing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/auth/Profile.cpp" line="55"/>
        <source>The %1 URL &quot;%2&quot; is not a valid URL.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/auth/Profile.cpp" line="58"/>
        <source>The %1 URL must not contain a user name or password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/auth/Profile.cpp" line="61"/>
        <source>The %1 URL must not contain a query or fragment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/auth/Profile.cpp" line="66"/>
        <source>The %1 URL &quot;%2&quot; uses plain http to a host that is not this computer. Tokens would travel unencrypted; use https (plain http is allowed only to 127.0.0.1, ::1 or localhost).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/auth/Profile.cpp" line="73"/>
        <source>The %1 URL must start with https://.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/auth/Profile.cpp" line="88"/>
        <source>Custom</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ops/BulkTypes.cpp" line="38"/>
        <source>Cancel run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ops/BulkTypes.cpp" line="40"/>
        <source>Resubmit run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ops/BulkTypes.cpp" line="42"/>
        <source>Turn on flow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ops/BulkTypes.cpp" line="44"/>
        <source>Turn off flow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ops/BulkTypes.cpp" line="46"/>
        <source>Delete flow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ops/BulkTypes.cpp" line="48"/>
        <source>Add owner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ops/BulkTypes.cpp" line="50"/>
        <source>Remove owner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ops/BulkTypes.cpp" line="52"/>
        <source>Restore flow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ops/BulkTypes.cpp" line="67"/>
        <source>Pending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ops/BulkTypes.cpp" line="69"/>
        <source>Sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ops/BulkTypes.cpp" line="71"/>
        <source>Succeeded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ops/BulkTypes.cpp" line="73"/>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ops/BulkTypes.cpp" line="75"/>
        <source>Skipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ops/BulkTypes.cpp" line="77"/>
        <source>Unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ops/BulkTypes.cpp" line="87"/>
        <source>Running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ops/BulkTypes.cpp" line="89"/>
        <source>Paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ops/BulkTypes.cpp" line="91"/>
        <source>Cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ops/BulkTypes.cpp" line="93"/>
        <source>Finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ops/BulkTypes.cpp" line="95"/>
        <source>Interrupted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../models/DefinitionValidator.cpp" line="42"/>
        <source>The definition has no &quot;$schema&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../models/DefinitionValidator.cpp" line="46"/>
        <source>The definition has no &quot;triggers&quot; object.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../models/DefinitionValidator.cpp" line="48"/>
        <source>The definition has no trigger.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../models/DefinitionValidator.cpp" line="52"/>
        <source>The definition has no &quot;actions&quot; object.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../models/DefinitionValidator.cpp" line="72"/>
        <source>The action &quot;%1&quot; is not an object.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../models/DefinitionValidator.cpp" line="77"/>
        <source>The action &quot;%1&quot; has no &quot;type&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../models/DefinitionValidator.cpp" line="80"/>
        <source>The &quot;runAfter&quot; of &quot;%1&quot; is not an object.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../models/DefinitionValidator.cpp" line="85"/>
        <source>The action &quot;%1&quot; runs after itself.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../models/DefinitionValidator.cpp" line="87"/>
        <source>The action &quot;%1&quot; runs after &quot;%2&quot;, which does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../models/DefinitionValidator.cpp" line="127"/>
        <source>The definition must be a JSON object.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fc::ActivityPanel</name>
    <message>
        <location filename="../../ui/ActivityPanel.cpp" line="31"/>
        <location filename="../../ui/ActivityPanel.cpp" line="36"/>
        <source>Activity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ActivityPanel.cpp" line="46"/>
        <source>Unfinished operations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ActivityPanel.cpp" line="59"/>
        <source>&amp;Resume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ActivityPanel.cpp" line="59"/>
        <source>Resume unfinished operations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ActivityPanel.cpp" line="61"/>
        <source>D&amp;iscard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ActivityPanel.cpp" line="61"/>
        <source>Discard unfinished operations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ActivityPanel.cpp" line="69"/>
        <source>&amp;Pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ActivityPanel.cpp" line="69"/>
        <source>Pause the operation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ActivityPanel.cpp" line="70"/>
        <source>Res&amp;ume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ActivityPanel.cpp" line="70"/>
        <source>Resume the operation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ActivityPanel.cpp" line="71"/>
        <source>&amp;Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ActivityPanel.cpp" line="71"/>
        <source>Cancel the operation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ActivityPanel.cpp" line="72"/>
        <source>Retry &amp;failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ActivityPanel.cpp" line="72"/>
        <source>Retry the failed items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ActivityPanel.cpp" line="73"/>
        <source>C&amp;lear finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ActivityPanel.cpp" line="73"/>
        <source>Clear finished operations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ActivityPanel.cpp" line="82"/>
        <source>Bulk operations and their items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ActivityPanel.cpp" line="96"/>
        <source>No bulk operations yet. Cancel or resubmit many runs, or turn several flows on or off, and the work shows here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/ActivityPanel.cpp" line="160"/>
        <source>%n operation(s) did not finish when FlowConsole last stopped. Resume them? Items already done are not done again.</source>
        <translation>
            <numerusform>%n operation did not finish when FlowConsole last stopped. Resume it? Items already done are not done again.</numerusform>
            <numerusform>%n operations did not finish when FlowConsole last stopped. Resume them? Items already done are not done again.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>fc::AdminFlowsModel</name>
    <message>
        <location filename="../../models/AdminFlowsModel.cpp" line="96"/>
        <source>every flow of the environment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../models/AdminFlowsModel.cpp" line="321"/>
        <source>Checking…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../models/AdminFlowsModel.cpp" line="323"/>
        <source>OK</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../models/AdminFlowsModel.cpp" line="325"/>
        <source>No valid owner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../models/AdminFlowsModel.cpp" line="327"/>
        <source>Could not check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../models/AdminFlowsModel.cpp" line="340"/>
        <source>%1 (disabled)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../models/AdminFlowsModel.cpp" line="343"/>
        <source>Deleted account (%1…)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../models/AdminFlowsModel.cpp" line="344"/>
        <source>%1 (deleted)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../models/AdminFlowsModel.cpp" line="354"/>
        <source>Could not read the owners: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../models/AdminFlowsModel.cpp" line="404"/>
        <source>Every user who owns this flow is disabled or deleted, and no group owns it. Add a co-owner so that its connections keep working.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../models/AdminFlowsModel.cpp" line="455"/>
        <source>Flow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../models/AdminFlowsModel.cpp" line="457"/>
        <source>Owners</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../models/AdminFlowsModel.cpp" line="459"/>
        <source>Owner check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../models/AdminFlowsModel.cpp" line="461"/>
        <source>Created by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../models/AdminFlowsModel.cpp" line="463"/>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../models/AdminFlowsModel.cpp" line="465"/>
        <source>Created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../models/AdminFlowsModel.cpp" line="467"/>
        <source>Modified</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fc::AdminFlowsPage</name>
    <message>
        <location filename="../../ui/AdminFlowsPage.cpp" line="112"/>
        <source>Filter by flow or owner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/AdminFlowsPage.cpp" line="113"/>
        <source>Filter flows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/AdminFlowsPage.cpp" line="120"/>
        <source>&amp;Orphaned only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/AdminFlowsPage.cpp" line="123"/>
        <source>Only flows with no valid owner: every user owner disabled or deleted, no group.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/AdminFlowsPage.cpp" line="126"/>
        <source>&amp;Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/AdminFlowsPage.cpp" line="126"/>
        <source>List every flow again (F5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/AdminFlowsPage.cpp" line="127"/>
        <source>E&amp;xport CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/AdminFlowsPage.cpp" line="127"/>
        <source>Save the flows shown as a CSV file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/AdminFlowsPage.cpp" line="142"/>
        <source>&amp;Stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/AdminFlowsPage.cpp" line="142"/>
        <source>Stop listing and checking owners; what was read stays</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/AdminFlowsPage.cpp" line="157"/>
        <source>Every flow of the environment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/AdminFlowsPage.cpp" line="173"/>
        <source>&amp;Add co-owner…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/AdminFlowsPage.cpp" line="174"/>
        <source>Add a person or group as co-owner of the selected flows (Ctrl+Shift+A)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/AdminFlowsPage.cpp" line="175"/>
        <source>O&amp;wners…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/AdminFlowsPage.cpp" line="175"/>
        <source>See and change the owners of the selected flow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/AdminFlowsPage.cpp" line="176"/>
        <source>Turn o&amp;n</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/AdminFlowsPage.cpp" line="176"/>
        <source>Turn the selected flows on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/AdminFlowsPage.cpp" line="177"/>
        <source>Turn o&amp;ff</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/AdminFlowsPage.cpp" line="177"/>
        <source>Turn the selected flows off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/AdminFlowsPage.cpp" line="178"/>
        <source>&amp;Delete…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/AdminFlowsPage.cpp" line="179"/>
        <source>Delete the selected flows (they stay in the recycle bin for 21 days)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/AdminFlowsPage.cpp" line="220"/>
        <source>Could not list every flow of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/AdminFlowsPage.cpp" line="228"/>
        <source>Turning on flows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/AdminFlowsPage.cpp" line="230"/>
        <source>Turning off flows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/AdminFlowsPage.cpp" line="242"/>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/AdminFlowsPage.cpp" line="276"/>
        <source>All flows in %1 (administrator)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/AdminFlowsPage.cpp" line="297"/>
        <source>%n flow(s)</source>
        <translation type="unfinished">
            <numerusform>%n flow</numerusform>
            <numerusform>%n flows</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/AdminFlowsPage.cpp" line="299"/>
        <source>%n with no valid owner</source>
        <translation>
            <numerusform>%n operation did not finish when FlowConsole last stopped. Resume them? Items already done are not done again.</numerusform>
            <numerusform>%n operations did not finish when FlowConsole last stopped. Resume them? Items already done are not done again.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/AdminFlowsPage.cpp" line="301"/>
        <source>%1 shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/AdminFlowsPage.cpp" line="309"/>
        <source>Listing every flow: %1 so far…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/AdminFlowsPage.cpp" line="313"/>
        <source>Checking owners: %1 of %2…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/AdminFlowsPage.cpp" line="317"/>
        <source>Stopped: %1 flows listed, owners of %2 checked. Refresh (F5) reads them all.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/AdminFlowsPage.cpp" line="320"/>
        <source>Every flow listed and its owners checked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/AdminFlowsPage.cpp" line="380"/>
        <source>Adding %1 as co-owner of %n flow(s)</source>
        <translation>
            <numerusform>Adding %1 as co-owner of %n flow</numerusform>
            <numerusform>Adding %1 as co-owner of %n flows</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/AdminFlowsPage.cpp" line="410"/>
        <source>The operation could not be started: its journal could not be written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/AdminFlowsPage.cpp" line="413"/>
        <source>%1: started; progress in the Activity panel.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/AdminFlowsPage.cpp" line="447"/>
        <source>Delete &apos;%1&apos;? It stays in the recycle bin for 21 days and can be restored until then.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/AdminFlowsPage.cpp" line="449"/>
        <source>Delete %n flows? They stay in the recycle bin for 21 days and can be restored until then.</source>
        <translation>
            <numerusform>Delete %n flow? It stays in the recycle bin for 21 days and can be restored until then.</numerusform>
            <numerusform>Delete %n flows? They stay in the recycle bin for 21 days and can be restored until then.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/AdminFlowsPage.cpp" line="452"/>
        <source>Delete flows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/AdminFlowsPage.cpp" line="452"/>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/AdminFlowsPage.cpp" line="453"/>
        <source>Deleting flows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/AdminFlowsPage.cpp" line="453"/>
        <source>Keep them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/AdminFlowsPage.cpp" line="472"/>
        <location filename="../../ui/AdminFlowsPage.cpp" line="487"/>
        <source>Export flows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/AdminFlowsPage.cpp" line="476"/>
        <source>CSV files (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/AdminFlowsPage.cpp" line="485"/>
        <source>%n flow(s) exported to %1.</source>
        <translation>
            <numerusform>%n flow exported to %1.</numerusform>
            <numerusform>%n flows exported to %1.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/AdminFlowsPage.cpp" line="487"/>
        <source>The flows could not be written to %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fc::ApiClient</name>
    <message>
        <location filename="../../app/api/ApiClient.cpp" line="142"/>
        <source>The %1 dialect has no administrator form of %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/api/ApiClient.cpp" line="144"/>
        <source>The %1 dialect has no %2 call.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/api/ApiClient.cpp" line="148"/>
        <source>Not sent: the service said this account is not an administrator (403) earlier in this session.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/api/ApiClient.cpp" line="166"/>
        <source>The next page link points to %1, not to %2; it was not followed and no token was sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/api/ApiClient.cpp" line="172"/>
        <source>A name needed for %1 is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/api/ApiClient.cpp" line="221"/>
        <source>The request was cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/api/ApiClient.cpp" line="394"/>
        <source>The flow has no trigger to resubmit.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fc::ApiError</name>
    <message>
        <location filename="../../app/api/ApiError.cpp" line="29"/>
        <source>unknown error</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fc::AuthCodeSignIn</name>
    <message>
        <location filename="../../app/auth/AuthCodeSignIn.cpp" line="57"/>
        <source>FlowConsole is signed in. You can close this tab and return to FlowConsole.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/auth/AuthCodeSignIn.cpp" line="60"/>
        <source>Could not listen on a loopback port for the sign-in redirect.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/auth/AuthCodeSignIn.cpp" line="104"/>
        <source>The sign-in answer did not carry the state this sign-in sent; it was ignored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/auth/AuthCodeSignIn.cpp" line="121"/>
        <source>The identity service could not be reached.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/auth/AuthCodeSignIn.cpp" line="143"/>
        <source>Sign-in did not complete within %1 minutes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/auth/AuthCodeSignIn.cpp" line="154"/>
        <source>Sign-in was cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fc::AuthSession</name>
    <message>
        <location filename="../../app/auth/AuthSession.cpp" line="63"/>
        <source>Signed out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/auth/AuthSession.cpp" line="95"/>
        <location filename="../../app/auth/AuthSession.cpp" line="121"/>
        <source>Not signed in: sign in to the profile first.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fc::BulkEngine</name>
    <message>
        <location filename="../../app/ops/BulkEngine.cpp" line="39"/>
        <source>the operation could not be recorded in its journal (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ops/BulkEngine.cpp" line="163"/>
        <source>Stopped because %1. Nothing more was sent and nothing was sent twice; %n item(s) not sent yet can be resumed once the problem is fixed.</source>
        <translation>
            <numerusform>Stopped because %1. Nothing more was sent and nothing was sent twice; %n item not sent yet can be resumed once the problem is fixed.</numerusform>
            <numerusform>Stopped because %1. Nothing more was sent and nothing was sent twice; %n items not sent yet can be resumed once the problem is fixed.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/ops/BulkEngine.cpp" line="386"/>
        <source>The run had already finished.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ops/BulkEngine.cpp" line="390"/>
        <source>The flow was not deleted (restored already).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ops/BulkEngine.cpp" line="457"/>
        <source>Outcome unknown: the answer to the resubmit was lost and the flow&apos;s runs could not be checked (%1). Retry checks again before anything is sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ops/BulkEngine.cpp" line="469"/>
        <source>The answer to an earlier resubmit was lost; the flow has no run resubmitted from this one, so it was sent again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ops/BulkEngine.cpp" line="463"/>
        <source>The answer was lost, but the flow has run %1 resubmitted from this run.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fc::BulkFlowActions</name>
    <message>
        <location filename="../../ui/BulkFlowActions.cpp" line="22"/>
        <source>Cancel all &amp;running runs…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/BulkFlowActions.cpp" line="24"/>
        <source>Cancel every running or waiting run of the selected flows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/BulkFlowActions.cpp" line="26"/>
        <source>Resubmit &amp;failed runs…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/BulkFlowActions.cpp" line="28"/>
        <source>Resubmit the failed runs of the selected flows in a time range</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fc::CoOwnerDialog</name>
    <message>
        <location filename="../../ui/AdminFlowsPage.cpp" line="43"/>
        <location filename="../../ui/AdminFlowsPage.cpp" line="57"/>
        <source>Add co-owner</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/AdminFlowsPage.cpp" line="45"/>
        <source>Find the person or group who will co-own %n flow(s). They are added with the role Can edit; existing owners stay.</source>
        <translation>
            <numerusform>Stopped because %1. Nothing more was sent and nothing was sent twice; %n item not sent yet can be resumed once the problem is fixed.</numerusform>
            <numerusform>Stopped because %1. Nothing more was sent and nothing was sent twice; %n items not sent yet can be resumed once the problem is fixed.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/AdminFlowsPage.cpp" line="52"/>
        <source>Nobody chosen yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/AdminFlowsPage.cpp" line="65"/>
        <source>Chosen: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/AdminFlowsPage.cpp" line="66"/>
        <source>Chosen: %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fc::ConflictDialog</name>
    <message>
        <location filename="../../ui/ConflictDialog.cpp" line="24"/>
        <source>The flow changed on the server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ConflictDialog.cpp" line="31"/>
        <source>Someone changed this flow on the server (last modified %1) since you opened it. Compare both versions and choose which one to keep.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ConflictDialog.cpp" line="36"/>
        <source>&lt;b&gt;Your version&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ConflictDialog.cpp" line="37"/>
        <source>&lt;b&gt;The server&apos;s version&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ConflictDialog.cpp" line="40"/>
        <source>Your version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ConflictDialog.cpp" line="45"/>
        <source>The server&apos;s version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ConflictDialog.cpp" line="58"/>
        <source>Both versions have the same definition and name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/ConflictDialog.cpp" line="59"/>
        <source>%n place(s) differ, marked on both sides.</source>
        <translation>
            <numerusform>%n place differs, marked on both sides.</numerusform>
            <numerusform>%n places differ, marked on both sides.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/ConflictDialog.cpp" line="74"/>
        <source>Save &amp;my version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ConflictDialog.cpp" line="76"/>
        <source>Take the &amp;server&apos;s version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ConflictDialog.cpp" line="78"/>
        <source>&amp;Back to editing</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fc::ConnectionListModel</name>
    <message>
        <location filename="../../models/ConnectionListModel.cpp" line="62"/>
        <source>the service reports an error but gives no reason.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../models/ConnectionListModel.cpp" line="64"/>
        <source>This connection cannot be used: %1 Flows that use it fail until its owner signs in to it again (in Power Automate: Data → Connections → Fix connection).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../models/ConnectionListModel.cpp" line="85"/>
        <source>Connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../models/ConnectionListModel.cpp" line="87"/>
        <source>Error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../models/ConnectionListModel.cpp" line="131"/>
        <source>No flow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../models/ConnectionListModel.cpp" line="131"/>
        <source>None of the flows listed</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../models/ConnectionListModel.cpp" line="132"/>
        <source>%n flow(s)</source>
        <translation type="unfinished">
            <numerusform>%n flow</numerusform>
            <numerusform>%n flows</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../models/ConnectionListModel.cpp" line="147"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../models/ConnectionListModel.cpp" line="149"/>
        <source>Connector</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../models/ConnectionListModel.cpp" line="151"/>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../models/ConnectionListModel.cpp" line="153"/>
        <source>Used by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../models/ConnectionListModel.cpp" line="155"/>
        <source>Created</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fc::ConnectorListModel</name>
    <message>
        <location filename="../../models/ConnectorListModel.cpp" line="38"/>
        <source>Custom</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../models/ConnectorListModel.cpp" line="38"/>
        <source>Built-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../models/ConnectorListModel.cpp" line="50"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../models/ConnectorListModel.cpp" line="52"/>
        <source>Publisher</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../models/ConnectorListModel.cpp" line="54"/>
        <source>Tier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../models/ConnectorListModel.cpp" line="56"/>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fc::Console</name>
    <message>
        <location filename="../../ui/Console.cpp" line="27"/>
        <location filename="../../ui/Console.cpp" line="225"/>
        <source>You signed out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/Console.cpp" line="37"/>
        <location filename="../../ui/Console.cpp" line="201"/>
        <source>The demo could not start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/Console.cpp" line="71"/>
        <source>There is no profile called &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/Console.cpp" line="73"/>
        <source>Sign in to your tenant, or look around in the demo first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/Console.cpp" line="90"/>
        <source>Demo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/Console.cpp" line="108"/>
        <source>Opening the demo…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/Console.cpp" line="121"/>
        <source>Signing in to %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/Console.cpp" line="132"/>
        <source>Could not open a browser. Use a device code instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/Console.cpp" line="166"/>
        <source>The demo could not sign in: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/Console.cpp" line="167"/>
        <source>Sign-in failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/Console.cpp" line="178"/>
        <source>Could not sign in with %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fc::DeviceCodeSignIn</name>
    <message>
        <location filename="../../app/auth/DeviceCodeSignIn.cpp" line="52"/>
        <source>The identity service&apos;s device code answer is incomplete.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/auth/DeviceCodeSignIn.cpp" line="68"/>
        <source>The device code expired before it was approved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/auth/DeviceCodeSignIn.cpp" line="103"/>
        <source>Sign-in was cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fc::EnvironmentPage</name>
    <message>
        <location filename="../../ui/EnvironmentPage.cpp" line="31"/>
        <source>Environment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/EnvironmentPage.cpp" line="36"/>
        <source>Environment name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/EnvironmentPage.cpp" line="44"/>
        <source>Environment details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/EnvironmentPage.cpp" line="52"/>
        <source>Environment tabs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/EnvironmentPage.cpp" line="64"/>
        <location filename="../../ui/EnvironmentPage.cpp" line="73"/>
        <source>Flows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/EnvironmentPage.cpp" line="85"/>
        <location filename="../../ui/EnvironmentPage.cpp" line="109"/>
        <source>Connections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/EnvironmentPage.cpp" line="102"/>
        <source>&amp;List every flow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/EnvironmentPage.cpp" line="105"/>
        <source>Lists the rest of the environment&apos;s flows, so that &quot;Used by&quot; counts them all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/EnvironmentPage.cpp" line="144"/>
        <location filename="../../ui/EnvironmentPage.cpp" line="146"/>
        <source>Connectors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/EnvironmentPage.cpp" line="175"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/EnvironmentPage.cpp" line="176"/>
        <source>Location</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/EnvironmentPage.cpp" line="177"/>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/EnvironmentPage.cpp" line="179"/>
        <source>Default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/EnvironmentPage.cpp" line="179"/>
        <source>Yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/EnvironmentPage.cpp" line="179"/>
        <source>No</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/EnvironmentPage.cpp" line="180"/>
        <source>Created</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/EnvironmentPage.cpp" line="234"/>
        <source>&quot;Used by&quot; counts every flow of this environment (%n flow(s)).</source>
        <translation>
            <numerusform>%n flow</numerusform>
            <numerusform>%n flows</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/EnvironmentPage.cpp" line="235"/>
        <source>&quot;Used by&quot; counts the %n flow(s) listed so far.</source>
        <translation>
            <numerusform>&quot;Used by&quot; counts the %n flow listed so far.</numerusform>
            <numerusform>&quot;Used by&quot; counts the %n flows listed so far.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/EnvironmentPage.cpp" line="255"/>
        <source>No listed flow uses this connection.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/EnvironmentPage.cpp" line="256"/>
        <source>Used by: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fc::FlowActions</name>
    <message>
        <location filename="../../ui/FlowActions.cpp" line="45"/>
        <source>&amp;New flow…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/FlowActions.cpp" line="47"/>
        <source>&amp;Edit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/FlowActions.cpp" line="49"/>
        <source>&amp;Delete…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/FlowActions.cpp" line="51"/>
        <source>Turn &amp;on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/FlowActions.cpp" line="52"/>
        <source>Turn o&amp;ff</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/FlowActions.cpp" line="53"/>
        <source>&amp;Copy trigger URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/FlowActions.cpp" line="54"/>
        <source>R&amp;un now…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/FlowActions.cpp" line="56"/>
        <source>Start a run of a flow with a manual or HTTP request trigger, with a JSON body</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/FlowActions.cpp" line="57"/>
        <source>E&amp;xport definition…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/FlowActions.cpp" line="59"/>
        <source>&amp;Import flow from file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/FlowActions.cpp" line="61"/>
        <source>&amp;Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/FlowActions.cpp" line="164"/>
        <source>Saved &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/FlowActions.cpp" line="187"/>
        <source>Delete flows</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/FlowActions.cpp" line="188"/>
        <source>Delete %n flow(s)? This cannot be undone.</source>
        <translation>
            <numerusform>Delete %n flow? This cannot be undone.</numerusform>
            <numerusform>Delete %n flows? This cannot be undone.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/FlowActions.cpp" line="193"/>
        <source>&amp;Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/FlowActions.cpp" line="198"/>
        <source>Delete %n flow(s)</source>
        <translation>
            <numerusform>Delete %n flow</numerusform>
            <numerusform>Delete %n flows</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/FlowActions.cpp" line="203"/>
        <source>Deleting</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/FlowActions.cpp" line="224"/>
        <source>Turn on %n flow(s)</source>
        <translation>
            <numerusform>Turn on %n flow</numerusform>
            <numerusform>Turn on %n flows</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/FlowActions.cpp" line="224"/>
        <source>Turn off %n flow(s)</source>
        <translation>
            <numerusform>Turn off %n flow</numerusform>
            <numerusform>Turn off %n flows</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/FlowActions.cpp" line="231"/>
        <source>Turning on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/FlowActions.cpp" line="231"/>
        <source>Turning off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/FlowActions.cpp" line="265"/>
        <source>%1: %2 of %3 done.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/FlowActions.cpp" line="267"/>
        <source>Some flows failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/FlowActions.cpp" line="268"/>
        <source>%n flow(s) could not be changed.</source>
        <translation>
            <numerusform>%n flow could not be changed.</numerusform>
            <numerusform>%n flows could not be changed.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/FlowActions.cpp" line="309"/>
        <source>%1: started; progress in the Activity panel.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/FlowActions.cpp" line="320"/>
        <source>No trigger URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/FlowActions.cpp" line="324"/>
        <source>Trigger URL of &quot;%1&quot; copied to the clipboard.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/FlowActions.cpp" line="337"/>
        <source>&quot;%1&quot; has started a run.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/FlowActions.cpp" line="338"/>
        <source>&quot;%1&quot; has started run %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/FlowActions.cpp" line="354"/>
        <source>Export definition</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/FlowActions.cpp" line="354"/>
        <location filename="../../ui/FlowActions.cpp" line="378"/>
        <source>JSON files (*.json);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/FlowActions.cpp" line="357"/>
        <source>Exporting &quot;%1&quot;…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/FlowActions.cpp" line="360"/>
        <location filename="../../ui/FlowActions.cpp" line="367"/>
        <source>Export failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/FlowActions.cpp" line="368"/>
        <source>Could not write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/FlowActions.cpp" line="371"/>
        <source>Exported to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/FlowActions.cpp" line="377"/>
        <source>Import a flow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/FlowActions.cpp" line="383"/>
        <location filename="../../ui/FlowActions.cpp" line="390"/>
        <source>Import failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/FlowActions.cpp" line="383"/>
        <source>Could not read %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/FlowActions.cpp" line="391"/>
        <source>%1 is neither an exported flow nor a flow definition.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/FlowActions.cpp" line="403"/>
        <source>Imported &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fc::FlowEditorDialog</name>
    <message>
        <location filename="../../ui/FlowEditorDialog.cpp" line="40"/>
        <location filename="../../ui/FlowEditorDialog.cpp" line="160"/>
        <source>New flow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/FlowEditorDialog.cpp" line="40"/>
        <source>Edit flow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/FlowEditorDialog.cpp" line="48"/>
        <source>Display name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/FlowEditorDialog.cpp" line="51"/>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/FlowEditorDialog.cpp" line="52"/>
        <source>On (started)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/FlowEditorDialog.cpp" line="53"/>
        <source>Off (stopped)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/FlowEditorDialog.cpp" line="54"/>
        <source>&amp;Display name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/FlowEditorDialog.cpp" line="55"/>
        <source>&amp;State:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/FlowEditorDialog.cpp" line="60"/>
        <source>Editor tabs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/FlowEditorDialog.cpp" line="65"/>
        <source>Definition (JSON)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/FlowEditorDialog.cpp" line="69"/>
        <source>Validation result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/FlowEditorDialog.cpp" line="74"/>
        <source>Problems in the definition</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/FlowEditorDialog.cpp" line="77"/>
        <source>De&amp;finition</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/FlowEditorDialog.cpp" line="83"/>
        <source>Connection references</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/FlowEditorDialog.cpp" line="84"/>
        <source>Reference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/FlowEditorDialog.cpp" line="84"/>
        <source>Connection name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/FlowEditorDialog.cpp" line="84"/>
        <source>Connector id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/FlowEditorDialog.cpp" line="90"/>
        <source>&amp;Add reference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/FlowEditorDialog.cpp" line="92"/>
        <source>&amp;Remove reference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/FlowEditorDialog.cpp" line="98"/>
        <source>&amp;Connection references</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/FlowEditorDialog.cpp" line="116"/>
        <source>Editor status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/FlowEditorDialog.cpp" line="134"/>
        <source>Save (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/FlowEditorDialog.cpp" line="181"/>
        <source>Loading the flow…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/FlowEditorDialog.cpp" line="186"/>
        <source>The flow could not be loaded: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/FlowEditorDialog.cpp" line="236"/>
        <source>Unsaved changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/FlowEditorDialog.cpp" line="237"/>
        <source>Save the changes to this flow?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/FlowEditorDialog.cpp" line="238"/>
        <source>Save the changes to &apos;%1&apos;?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/FlowEditorDialog.cpp" line="241"/>
        <source>If you discard them, what you changed is lost.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/FlowEditorDialog.cpp" line="243"/>
        <source>&amp;Keep editing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/FlowEditorDialog.cpp" line="244"/>
        <source>&amp;Discard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/FlowEditorDialog.cpp" line="313"/>
        <source>Line %1, column %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/FlowEditorDialog.cpp" line="321"/>
        <source>The definition is valid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/FlowEditorDialog.cpp" line="325"/>
        <source>%n problem(s). Line %1, column %2: %3</source>
        <translation>
            <numerusform>%n problem. Line %1, column %2: %3</numerusform>
            <numerusform>%n problems. Line %1, column %2: %3</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/FlowEditorDialog.cpp" line="351"/>
        <source>Give the flow a display name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/FlowEditorDialog.cpp" line="352"/>
        <source>Fix the problems in the definition first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/FlowEditorDialog.cpp" line="356"/>
        <source>Creating the flow…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/FlowEditorDialog.cpp" line="376"/>
        <source>Checking the server&apos;s version…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/FlowEditorDialog.cpp" line="384"/>
        <source>The flow changed on the server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/FlowEditorDialog.cpp" line="400"/>
        <source>Showing the server&apos;s version.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/FlowEditorDialog.cpp" line="415"/>
        <source>Saving…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/FlowEditorDialog.cpp" line="427"/>
        <source>Not saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/FlowEditorDialog.cpp" line="430"/>
        <source>Could not create &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/FlowEditorDialog.cpp" line="430"/>
        <source>Could not save &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fc::FlowPage</name>
    <message>
        <location filename="../../ui/FlowPage.cpp" line="47"/>
        <source>Flow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/FlowPage.cpp" line="52"/>
        <source>Flow name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/FlowPage.cpp" line="60"/>
        <source>Flow state and trigger</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/FlowPage.cpp" line="61"/>
        <source>&amp;Share…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/FlowPage.cpp" line="63"/>
        <source>Owners of this flow: add or remove people and groups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/FlowPage.cpp" line="68"/>
        <source>Share the flow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/FlowPage.cpp" line="78"/>
        <source>Flow tabs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/FlowPage.cpp" line="86"/>
        <source>Callback URL:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/FlowPage.cpp" line="89"/>
        <source>Callback URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/FlowPage.cpp" line="92"/>
        <source>&amp;Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/FlowPage.cpp" line="94"/>
        <source>Copy callback URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/FlowPage.cpp" line="98"/>
        <source>Callback URL copied to the clipboard.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/FlowPage.cpp" line="109"/>
        <source>Flow properties</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/FlowPage.cpp" line="111"/>
        <source>Property</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/FlowPage.cpp" line="111"/>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/FlowPage.cpp" line="119"/>
        <location filename="../../ui/FlowPage.cpp" line="122"/>
        <source>Connection references</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/FlowPage.cpp" line="124"/>
        <source>Reference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/FlowPage.cpp" line="124"/>
        <source>Connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/FlowPage.cpp" line="124"/>
        <source>Connector</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/FlowPage.cpp" line="124"/>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/FlowPage.cpp" line="135"/>
        <source>Details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/FlowPage.cpp" line="139"/>
        <source>Flow definition</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/FlowPage.cpp" line="141"/>
        <source>Definition</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/FlowPage.cpp" line="144"/>
        <source>Runs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/FlowPage.cpp" line="149"/>
        <source>Insight</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/FlowPage.cpp" line="183"/>
        <source>%1 · trigger %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/FlowPage.cpp" line="185"/>
        <source>%1 · suspended: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/FlowPage.cpp" line="191"/>
        <source>Loading the definition…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/FlowPage.cpp" line="231"/>
        <source>Display name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/FlowPage.cpp" line="232"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/FlowPage.cpp" line="234"/>
        <source>Environment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/FlowPage.cpp" line="236"/>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/FlowPage.cpp" line="237"/>
        <source>Trigger type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/FlowPage.cpp" line="238"/>
        <source>Created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/FlowPage.cpp" line="239"/>
        <source>Last modified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/FlowPage.cpp" line="242"/>
        <source>Creator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/FlowPage.cpp" line="246"/>
        <source>All properties</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/FlowPage.cpp" line="283"/>
        <source>This flow&apos;s trigger has no callback URL.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/FlowPage.cpp" line="293"/>
        <source>Looking up the callback URL…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/FlowPage.cpp" line="301"/>
        <source>No callback URL: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fc::HttpTransport</name>
    <message>
        <location filename="../../app/api/HttpTransport.cpp" line="130"/>
        <source>Refused to send a request over plain http to %1, which is not this computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/api/HttpTransport.cpp" line="133"/>
        <source>Refused to open %1: only http and https links are followed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/api/HttpTransport.cpp" line="134"/>
        <source>Refused to send the access token to %1, which is not one of the profile&apos;s API hosts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/api/HttpTransport.cpp" line="197"/>
        <source>The request was held back and not sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/api/HttpTransport.cpp" line="271"/>
        <source>The answer from %1 is larger than %2 MB; it was refused.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/api/HttpTransport.cpp" line="279"/>
        <location filename="../../app/api/HttpTransport.cpp" line="416"/>
        <source>The request was cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/api/HttpTransport.cpp" line="285"/>
        <source>The server redirected to %1, which is not an allowed host (or from https to http); the request was stopped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/api/HttpTransport.cpp" line="290"/>
        <source>No answer from %1 within %2 seconds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/api/HttpTransport.cpp" line="304"/>
        <source>The connection to %1 broke before the whole answer arrived (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/api/HttpTransport.cpp" line="313"/>
        <source>The server answered with status %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fc::InsightTab</name>
    <message>
        <location filename="../../ui/InsightTab.cpp" line="102"/>
        <source>Insight</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/InsightTab.cpp" line="112"/>
        <source>Insight summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/InsightTab.cpp" line="121"/>
        <source>Runs the insight covers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/InsightTab.cpp" line="126"/>
        <location filename="../../ui/InsightTab.cpp" line="272"/>
        <source>Load all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/InsightTab.cpp" line="128"/>
        <source>Load all runs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/InsightTab.cpp" line="130"/>
        <source>Read every run that matches the Runs tab&apos;s filters, for insight over the whole history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/InsightTab.cpp" line="161"/>
        <location filename="../../ui/InsightTab.cpp" line="349"/>
        <source>Runs per day by status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/InsightTab.cpp" line="162"/>
        <source>Duration per day, median and 95th percentile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/InsightTab.cpp" line="166"/>
        <location filename="../../ui/InsightTab.cpp" line="170"/>
        <source>Most common failure codes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/InsightTab.cpp" line="171"/>
        <source>Activate a code to see its failed runs in the Runs tab</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/InsightTab.cpp" line="173"/>
        <source>Code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/InsightTab.cpp" line="173"/>
        <source>Failed runs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/InsightTab.cpp" line="180"/>
        <source>Click a code to see its failed runs in the Runs tab</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/InsightTab.cpp" line="184"/>
        <source>Click a code to see those runs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/InsightTab.cpp" line="272"/>
        <source>Loading all…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/InsightTab.cpp" line="275"/>
        <location filename="../../ui/InsightTab.cpp" line="277"/>
        <source>Loading runs…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/InsightTab.cpp" line="275"/>
        <source>Load runs to see insight.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/InsightTab.cpp" line="278"/>
        <source>Load runs to see insight: it is drawn from the runs loaded in the Runs tab, and Load all reads the whole history.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/InsightTab.cpp" line="280"/>
        <source>No runs loaded (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/InsightTab.cpp" line="290"/>
        <source>1 run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/InsightTab.cpp" line="290"/>
        <source>%1 runs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/InsightTab.cpp" line="292"/>
        <source>%1 on %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/InsightTab.cpp" line="292"/>
        <source>%1 from %2 to %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/InsightTab.cpp" line="296"/>
        <source>%1 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/InsightTab.cpp" line="301"/>
        <location filename="../../ui/InsightTab.cpp" line="448"/>
        <source>(no code)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/InsightTab.cpp" line="302"/>
        <source>; most common failure: %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/InsightTab.cpp" line="306"/>
        <source>Over all %1 runs that match the Runs tab&apos;s filters (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/InsightTab.cpp" line="309"/>
        <source>Over the %1 runs loaded so far (%2); Load all reads the whole history.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/InsightTab.cpp" line="378"/>
        <source>Runs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/InsightTab.cpp" line="393"/>
        <source>Duration of finished runs per day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/InsightTab.cpp" line="400"/>
        <source>Duration (seconds)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/InsightTab.cpp" line="403"/>
        <source>Duration (hours)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/InsightTab.cpp" line="406"/>
        <source>Duration (minutes)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/InsightTab.cpp" line="409"/>
        <source>Median (p50)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/InsightTab.cpp" line="411"/>
        <source>95th percentile (p95)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/InsightTab.cpp" line="452"/>
        <source>%1: %2 failed runs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/InsightTab.cpp" line="456"/>
        <source>No failed runs</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fc::Journal</name>
    <message>
        <location filename="../../app/ops/Journal.cpp" line="36"/>
        <source>%1 could not be written; is the disk full or read-only? (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ops/Journal.cpp" line="128"/>
        <source>It is being run by another FlowConsole window (process %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ops/Journal.cpp" line="131"/>
        <source>Its lock file %1 cannot be written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ops/Journal.cpp" line="154"/>
        <source>The operation is no longer in the journal.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ops/Journal.cpp" line="278"/>
        <source>the operation is now run by another process</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ops/Journal.cpp" line="378"/>
        <source>It is being run by another FlowConsole window.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fc::MainWindow</name>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="63"/>
        <location filename="../../ui/MainWindow.cpp" line="492"/>
        <source>FlowConsole</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="74"/>
        <source>Filter environments and flows (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="75"/>
        <source>Filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="90"/>
        <source>Environments and flows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="104"/>
        <source>Selected item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="106"/>
        <source>Select an environment or a flow.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/MainWindow.cpp" line="181"/>
        <source>%n unfinished operation(s) are being run by another FlowConsole window; they are not offered here, so that nothing is sent twice.</source>
        <translation>
            <numerusform>%n unfinished operation is being run by another FlowConsole window; it is not offered here, so that nothing is sent twice.</numerusform>
            <numerusform>%n unfinished operations are being run by another FlowConsole window; they are not offered here, so that nothing is sent twice.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/MainWindow.cpp" line="256"/>
        <source>%n request(s) in flight</source>
        <translation>
            <numerusform>%n request in flight</numerusform>
            <numerusform>%n requests in flight</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="305"/>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="306"/>
        <source>&amp;Profiles…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="309"/>
        <source>&amp;Sign in…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="312"/>
        <source>Sign &amp;out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="319"/>
        <source>Stored run &amp;history…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="329"/>
        <location filename="../../ui/MainWindow.cpp" line="965"/>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="333"/>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="334"/>
        <source>&amp;Filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="342"/>
        <source>F&amp;low</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="345"/>
        <source>&amp;Share…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="359"/>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="363"/>
        <source>&amp;Activity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="366"/>
        <source>&amp;Theme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="368"/>
        <source>&amp;System</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="369"/>
        <source>&amp;Light</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="370"/>
        <source>&amp;Dark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="383"/>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="384"/>
        <source>&amp;About FlowConsole</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="386"/>
        <source>About FlowConsole</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="538"/>
        <source>The run history store could not be opened (%1); runs are read from the service each time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="606"/>
        <source>No environment or loaded flow matches “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="741"/>
        <source>%1 — FlowConsole (administrator)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="756"/>
        <location filename="../../ui/MainWindow.cpp" line="801"/>
        <source>Could not load &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="848"/>
        <source>Could not load the list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="406"/>
        <source>Flows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="387"/>
        <source>&lt;b&gt;FlowConsole %1&lt;/b&gt;&lt;p&gt;A desktop console for the Power Automate Management API: environments, cloud flows, their runs, owners, connections and connectors, with a local emulator of the service.&lt;/p&gt;&lt;p&gt;Built with Qt %2 (running on Qt %3).&lt;br&gt;Released under the MIT licence.&lt;/p&gt;&lt;p&gt;Bulk operations are journalled: nothing is sent twice, even after a crash.&lt;/p&gt;&lt;p&gt;&lt;a href=&quot;https://learn.microsoft.com/power-automate/&quot;&gt;Power Automate documentation&lt;/a&gt; · &lt;a href=&quot;https://opensource.org/license/mit&quot;&gt;The MIT licence&lt;/a&gt;&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="408"/>
        <source>Flow actions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="420"/>
        <source>Progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="427"/>
        <source>Requests in flight</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="430"/>
        <source>Signed-in account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="433"/>
        <source>Profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="458"/>
        <source>%1 %2 of %3…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="465"/>
        <source>FlowConsole — Demo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="465"/>
        <source>FlowConsole — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="467"/>
        <source>Demo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="493"/>
        <source>Not signed in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="512"/>
        <source>The operations journal could not be opened (%1); bulk operations will not survive a restart.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/MainWindow.cpp" line="953"/>
        <source>%n bulk operation(s) still running.</source>
        <translation>
            <numerusform>%n bulk operation still running.</numerusform>
            <numerusform>%n bulk operations still running.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="955"/>
        <source>If you quit now, nothing more is sent. The items not done yet are kept and can be resumed the next time you sign in; requests already on their way are checked against the service before anything is sent again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="958"/>
        <source>If you quit now, nothing more is sent, and the items not done yet are not kept: the demo service does not outlive the console.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="961"/>
        <source>Quit FlowConsole?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="964"/>
        <source>&amp;Keep running</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fc::MessageBar</name>
    <message>
        <location filename="../../ui/MessageBar.cpp" line="34"/>
        <source>Close this message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/MessageBar.cpp" line="35"/>
        <source>Close message</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fc::NavigationModel</name>
    <message>
        <location filename="../../models/NavigationModel.cpp" line="99"/>
        <source>the environments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../models/NavigationModel.cpp" line="146"/>
        <source>the flows of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../models/NavigationModel.cpp" line="438"/>
        <source>On</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../models/NavigationModel.cpp" line="440"/>
        <source>Off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../models/NavigationModel.cpp" line="442"/>
        <source>Suspended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../models/NavigationModel.cpp" line="444"/>
        <source>Deleted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../models/NavigationModel.cpp" line="448"/>
        <source>Unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../models/NavigationModel.cpp" line="490"/>
        <source>State: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../models/NavigationModel.cpp" line="492"/>
        <source>Flow, %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../models/NavigationModel.cpp" line="540"/>
        <source>All flows (admin)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../models/NavigationModel.cpp" line="540"/>
        <source>Recycle bin (admin)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../models/NavigationModel.cpp" line="542"/>
        <source>Every flow of the environment, whoever owns it: owners, orphaned flows, bulk rescue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../models/NavigationModel.cpp" line="544"/>
        <source>Flows deleted in the last 21 days; restore them from here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../models/NavigationModel.cpp" line="589"/>
        <source>default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../models/NavigationModel.cpp" line="590"/>
        <source>%1 (default)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../models/NavigationModel.cpp" line="616"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../models/NavigationModel.cpp" line="618"/>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../models/NavigationModel.cpp" line="620"/>
        <source>Trigger</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../models/NavigationModel.cpp" line="622"/>
        <source>Modified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../models/NavigationModel.cpp" line="624"/>
        <source>Created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../models/NavigationModel.cpp" line="626"/>
        <source>Owner</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fc::OperationManager</name>
    <message>
        <location filename="../../app/ops/OperationManager.cpp" line="45"/>
        <source>Another journal is already open.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fc::OperationNotifier</name>
    <message>
        <location filename="../../ui/OperationNotifier.cpp" line="31"/>
        <location filename="../../ui/OperationNotifier.cpp" line="32"/>
        <source>%1 stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/OperationNotifier.cpp" line="36"/>
        <source>%1 was cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/OperationNotifier.cpp" line="37"/>
        <source>%1 finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/OperationNotifier.cpp" line="38"/>
        <source>%1 succeeded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/OperationNotifier.cpp" line="40"/>
        <source>, %1 failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/OperationNotifier.cpp" line="42"/>
        <source>, %1 with an outcome still unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/OperationNotifier.cpp" line="44"/>
        <source>, %1 skipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/OperationNotifier.cpp" line="46"/>
        <source>, %1 not done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/OperationNotifier.cpp" line="58"/>
        <source>FlowConsole</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fc::OperationsModel</name>
    <message>
        <location filename="../../models/OperationsModel.cpp" line="26"/>
        <source>%1 min %2 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../models/OperationsModel.cpp" line="27"/>
        <source>%1 h %2 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../models/OperationsModel.cpp" line="277"/>
        <source>Stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../models/OperationsModel.cpp" line="279"/>
        <source>Interrupted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../models/OperationsModel.cpp" line="281"/>
        <source>Cancelling</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../models/OperationsModel.cpp" line="284"/>
        <source>%1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../models/OperationsModel.cpp" line="297"/>
        <source>%1/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../models/OperationsModel.cpp" line="303"/>
        <source>took %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../models/OperationsModel.cpp" line="310"/>
        <source>%n item(s) failed</source>
        <translation>
            <numerusform>%n item failed</numerusform>
            <numerusform>%n items failed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../models/OperationsModel.cpp" line="314"/>
        <source>%n item(s) with an unknown outcome, checked before anything is sent again</source>
        <translation>
            <numerusform>%n item with an unknown outcome, checked before anything is sent again</numerusform>
            <numerusform>%n items with an unknown outcome, checked before anything is sent again</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../models/OperationsModel.cpp" line="352"/>
        <source>Operation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../models/OperationsModel.cpp" line="354"/>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../models/OperationsModel.cpp" line="356"/>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../models/OperationsModel.cpp" line="358"/>
        <source>Progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../models/OperationsModel.cpp" line="360"/>
        <source>Succeeded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../models/OperationsModel.cpp" line="362"/>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../models/OperationsModel.cpp" line="364"/>
        <source>Skipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../models/OperationsModel.cpp" line="366"/>
        <source>Pending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../models/OperationsModel.cpp" line="368"/>
        <source>Rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../models/OperationsModel.cpp" line="370"/>
        <source>Time left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../models/OperationsModel.cpp" line="372"/>
        <source>Message</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fc::OwnersDialog</name>
    <message>
        <location filename="../../ui/OwnersDialog.cpp" line="33"/>
        <source>Share “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/OwnersDialog.cpp" line="34"/>
        <source>Owners of the flow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/OwnersDialog.cpp" line="38"/>
        <source>&amp;Owners</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/OwnersDialog.cpp" line="41"/>
        <source>Owners</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/OwnersDialog.cpp" line="43"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/OwnersDialog.cpp" line="43"/>
        <source>Email or UPN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/OwnersDialog.cpp" line="43"/>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/OwnersDialog.cpp" line="43"/>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/OwnersDialog.cpp" line="43"/>
        <source>Change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/OwnersDialog.cpp" line="52"/>
        <source>&amp;Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/OwnersDialog.cpp" line="54"/>
        <source>Remove the selected owners</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/OwnersDialog.cpp" line="61"/>
        <source>A&amp;dd people or groups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/OwnersDialog.cpp" line="69"/>
        <source>Result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/OwnersDialog.cpp" line="79"/>
        <source>&amp;Undo changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/OwnersDialog.cpp" line="114"/>
        <source>Could not read the owners: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/OwnersDialog.cpp" line="132"/>
        <source>User</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/OwnersDialog.cpp" line="134"/>
        <source>Group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/OwnersDialog.cpp" line="136"/>
        <source>Application</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/OwnersDialog.cpp" line="140"/>
        <source>Unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/OwnersDialog.cpp" line="148"/>
        <source>Owner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/OwnersDialog.cpp" line="152"/>
        <source>Can view</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/OwnersDialog.cpp" line="174"/>
        <source>to be removed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/OwnersDialog.cpp" line="150"/>
        <location filename="../../ui/OwnersDialog.cpp" line="176"/>
        <source>Can edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/OwnersDialog.cpp" line="176"/>
        <source>to be added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/OwnersDialog.cpp" line="196"/>
        <source>%1 is already an owner.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/OwnersDialog.cpp" line="205"/>
        <source>%1 will be added when you apply.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/OwnersDialog.cpp" line="226"/>
        <source>%1 cannot be removed: a flow must keep at least one owner. Add another owner first, then remove this one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/OwnersDialog.cpp" line="233"/>
        <source>%1 will be removed when you apply.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/OwnersDialog.cpp" line="261"/>
        <source>Applying…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/OwnersDialog.cpp" line="265"/>
        <source>The owners were not changed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/OwnersDialog.cpp" line="270"/>
        <source>Owners changed: %1 added, %2 removed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fc::PageWalk</name>
    <message>
        <location filename="../../app/api/PageWalk.cpp" line="23"/>
        <source>Stopped reading %1 after %2 pages: the service kept answering with another page. What was read is shown.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/api/PageWalk.cpp" line="32"/>
        <source>Stopped reading %1 after %2 pages: the service sent a next-page link it had already sent, so reading on would never end.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fc::PeoplePicker</name>
    <message>
        <location filename="../../ui/PeoplePicker.cpp" line="29"/>
        <source>&amp;Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/PeoplePicker.cpp" line="34"/>
        <source>People picker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/PeoplePicker.cpp" line="39"/>
        <source>Search people and groups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/PeoplePicker.cpp" line="40"/>
        <source>Type a name to search users and groups, or paste an email or object ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/PeoplePicker.cpp" line="43"/>
        <source>Add the chosen person or group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/PeoplePicker.cpp" line="49"/>
        <source>Directory results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/PeoplePicker.cpp" line="118"/>
        <source>Add the object ID as a user or as a group.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/PeoplePicker.cpp" line="129"/>
        <source>Searching…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/PeoplePicker.cpp" line="137"/>
        <source>Directory search failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/PeoplePicker.cpp" line="152"/>
        <source>Group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/PeoplePicker.cpp" line="152"/>
        <source>User</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/PeoplePicker.cpp" line="153"/>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/PeoplePicker.cpp" line="154"/>
        <source>%1 &lt;%2&gt; (%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/PeoplePicker.cpp" line="166"/>
        <source>No user or group starts with this name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/PeoplePicker.cpp" line="167"/>
        <source>No one in the directory has this address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/PeoplePicker.cpp" line="170"/>
        <source>One result. Press Add to add it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/PeoplePicker.cpp" line="171"/>
        <source>%1 results. Choose one and press Add.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fc::Profile</name>
    <message>
        <location filename="../../app/auth/Profile.cpp" line="190"/>
        <source>The profile needs a name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/auth/Profile.cpp" line="192"/>
        <source>The tenant is missing: give a tenant id, a domain such as contoso.onmicrosoft.com, or &quot;organizations&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/auth/Profile.cpp" line="195"/>
        <source>The tenant &quot;common&quot; does not work for Power Automate: give your tenant id or domain, or &quot;organizations&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/auth/Profile.cpp" line="198"/>
        <source>The client ID is missing: register an app in Microsoft Entra ID (Mobile and desktop platform, public client flows allowed) and enter its Application (client) ID.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/auth/Profile.cpp" line="201"/>
        <source>authority</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/auth/Profile.cpp" line="202"/>
        <source>Power Automate API</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/auth/Profile.cpp" line="203"/>
        <source>PowerApps API</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/auth/Profile.cpp" line="204"/>
        <source>Microsoft Graph</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/auth/Profile.cpp" line="210"/>
        <source>The token audiences (resources) of the profile are missing.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fc::ProfilesDialog</name>
    <message>
        <location filename="../../ui/ProfilesDialog.cpp" line="32"/>
        <location filename="../../ui/ProfilesDialog.cpp" line="40"/>
        <source>Profiles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ProfilesDialog.cpp" line="43"/>
        <source>&amp;Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ProfilesDialog.cpp" line="45"/>
        <source>&amp;Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ProfilesDialog.cpp" line="56"/>
        <source>Profile name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ProfilesDialog.cpp" line="56"/>
        <source>e.g. Contoso production</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ProfilesDialog.cpp" line="59"/>
        <source>Cloud</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ProfilesDialog.cpp" line="62"/>
        <source>Tenant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ProfilesDialog.cpp" line="62"/>
        <source>contoso.onmicrosoft.com or a tenant ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ProfilesDialog.cpp" line="64"/>
        <source>Client ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ProfilesDialog.cpp" line="64"/>
        <source>Application (client) ID of your app registration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ProfilesDialog.cpp" line="65"/>
        <source>Account hint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ProfilesDialog.cpp" line="65"/>
        <source>optional: user@contoso.com</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ProfilesDialog.cpp" line="66"/>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ProfilesDialog.cpp" line="67"/>
        <source>&amp;Cloud:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ProfilesDialog.cpp" line="68"/>
        <source>&amp;Tenant:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ProfilesDialog.cpp" line="69"/>
        <source>Client &amp;ID:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ProfilesDialog.cpp" line="70"/>
        <source>Acc&amp;ount:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ProfilesDialog.cpp" line="73"/>
        <source>Ad&amp;vanced settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ProfilesDialog.cpp" line="75"/>
        <source>Show advanced settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ProfilesDialog.cpp" line="78"/>
        <source>Authority base URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ProfilesDialog.cpp" line="79"/>
        <source>Flow API base URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ProfilesDialog.cpp" line="80"/>
        <source>Power Apps API base URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ProfilesDialog.cpp" line="81"/>
        <source>Microsoft Graph base URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ProfilesDialog.cpp" line="84"/>
        <source>API dialect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ProfilesDialog.cpp" line="85"/>
        <source>Live service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ProfilesDialog.cpp" line="86"/>
        <source>OpenAPI specification</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ProfilesDialog.cpp" line="88"/>
        <source>A&amp;uthority:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ProfilesDialog.cpp" line="89"/>
        <source>Flow &amp;API:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ProfilesDialog.cpp" line="90"/>
        <source>&amp;Power Apps API:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ProfilesDialog.cpp" line="91"/>
        <source>&amp;Graph:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ProfilesDialog.cpp" line="92"/>
        <source>&amp;Dialect:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ProfilesDialog.cpp" line="104"/>
        <source>Profile problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ProfilesDialog.cpp" line="114"/>
        <source>&amp;Sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ProfilesDialog.cpp" line="122"/>
        <source>Saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ProfilesDialog.cpp" line="224"/>
        <source>Another profile is already called &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ProfilesDialog.cpp" line="238"/>
        <source>New profile</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fc::RecycleBinModel</name>
    <message>
        <location filename="../../models/RecycleBinModel.cpp" line="79"/>
        <source>the recycle bin</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../models/RecycleBinModel.cpp" line="142"/>
        <source>%n day(s)</source>
        <translation>
            <numerusform>Delete %n flow? This cannot be undone.</numerusform>
            <numerusform>Delete %n flows? This cannot be undone.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../models/RecycleBinModel.cpp" line="160"/>
        <source>Flow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../models/RecycleBinModel.cpp" line="162"/>
        <source>Deleted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../models/RecycleBinModel.cpp" line="164"/>
        <source>Restorable for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../models/RecycleBinModel.cpp" line="166"/>
        <source>Created by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../models/RecycleBinModel.cpp" line="168"/>
        <source>Created</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fc::RecycleBinPage</name>
    <message>
        <location filename="../../ui/RecycleBinPage.cpp" line="50"/>
        <source>Deleted flows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/RecycleBinPage.cpp" line="63"/>
        <source>&amp;Restore</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/RecycleBinPage.cpp" line="65"/>
        <source>Bring the selected flows back (turned off) (Ctrl+R)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/RecycleBinPage.cpp" line="66"/>
        <source>Re&amp;fresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/RecycleBinPage.cpp" line="68"/>
        <source>Read the recycle bin again (F5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/RecycleBinPage.cpp" line="97"/>
        <source>Could not read the recycle bin of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/RecycleBinPage.cpp" line="118"/>
        <source>Recycle bin of %1 (administrator)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/RecycleBinPage.cpp" line="131"/>
        <source>Reading the recycle bin…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/RecycleBinPage.cpp" line="134"/>
        <source>No flow was deleted in the last %n day(s).</source>
        <translation>
            <numerusform>No flow was deleted in the last %n day.</numerusform>
            <numerusform>No flow was deleted in the last %n days.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/RecycleBinPage.cpp" line="136"/>
        <source>%n deleted flow(s); each can be restored for 21 days after its deletion.</source>
        <translation>
            <numerusform>%n deleted flow; each can be restored for 21 days after its deletion.</numerusform>
            <numerusform>%n deleted flows; each can be restored for 21 days after its deletion.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/RecycleBinPage.cpp" line="155"/>
        <source>Restoring %n flow(s)</source>
        <translation>
            <numerusform>Restoring %n flow</numerusform>
            <numerusform>Restoring %n flows</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/RecycleBinPage.cpp" line="158"/>
        <source>The operation could not be started: its journal could not be written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/RecycleBinPage.cpp" line="161"/>
        <source>%1: started; progress in the Activity panel.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fc::RunCollector</name>
    <message>
        <location filename="../../app/ops/RunCollector.cpp" line="157"/>
        <source>the runs of &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fc::RunContentView</name>
    <message>
        <location filename="../../ui/RunContentView.cpp" line="71"/>
        <source>&amp;Inputs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/RunContentView.cpp" line="72"/>
        <source>O&amp;utputs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/RunContentView.cpp" line="90"/>
        <source>Inputs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/RunContentView.cpp" line="90"/>
        <source>Outputs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/RunContentView.cpp" line="91"/>
        <source>&amp;Save…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/RunContentView.cpp" line="93"/>
        <source>Save the inputs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/RunContentView.cpp" line="93"/>
        <source>Save the outputs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/RunContentView.cpp" line="94"/>
        <source>Copy &amp;link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/RunContentView.cpp" line="96"/>
        <source>The link is signed and works without signing in: share it with care.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/RunContentView.cpp" line="111"/>
        <source>inputs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/RunContentView.cpp" line="111"/>
        <source>outputs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/RunContentView.cpp" line="119"/>
        <source>Select the trigger or an action to see what it received and gave.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/RunContentView.cpp" line="120"/>
        <source>Inputs and outputs of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/RunContentView.cpp" line="169"/>
        <source>The service gave no %1 for %2 (skipped, still running, or it has none).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/RunContentView.cpp" line="179"/>
        <source>Reading the %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/RunContentView.cpp" line="211"/>
        <source>Too large to show whole: the first %1 of %2 are shown. Save… writes it all.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/RunContentView.cpp" line="214"/>
        <source>%1 (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/RunContentView.cpp" line="216"/>
        <source>This is not JSON; it is shown as text.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/RunContentView.cpp" line="227"/>
        <source>the service refused the link (403). Content links expire after a few hours: Refresh the run for new ones.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/RunContentView.cpp" line="230"/>
        <source>nothing is behind the link any more (404); the run&apos;s history may have been removed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/RunContentView.cpp" line="232"/>
        <source>the service answered %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/RunContentView.cpp" line="240"/>
        <source>Could not read the %1 of %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/RunContentView.cpp" line="251"/>
        <source>Save the %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/RunContentView.cpp" line="252"/>
        <source>JSON files (*.json);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/RunContentView.cpp" line="260"/>
        <source>Could not write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/RunContentView.cpp" line="263"/>
        <source>Saved %1 to %2.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fc::RunDetailsDialog</name>
    <message>
        <location filename="../../ui/RunDetailsDialog.cpp" line="47"/>
        <source>Run %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/RunDetailsDialog.cpp" line="48"/>
        <source>Run details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/RunDetailsDialog.cpp" line="69"/>
        <source>Correlation ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/RunDetailsDialog.cpp" line="73"/>
        <source>Status:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/RunDetailsDialog.cpp" line="74"/>
        <source>Code:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/RunDetailsDialog.cpp" line="75"/>
        <source>Start:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/RunDetailsDialog.cpp" line="76"/>
        <source>End:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/RunDetailsDialog.cpp" line="77"/>
        <source>Duration:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/RunDetailsDialog.cpp" line="78"/>
        <source>Co&amp;rrelation:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/RunDetailsDialog.cpp" line="79"/>
        <source>Trigger:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/RunDetailsDialog.cpp" line="80"/>
        <source>Resubmitted from:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/RunDetailsDialog.cpp" line="92"/>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/RunDetailsDialog.cpp" line="92"/>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/RunDetailsDialog.cpp" line="92"/>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/RunDetailsDialog.cpp" line="92"/>
        <source>Code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/RunDetailsDialog.cpp" line="92"/>
        <source>Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/RunDetailsDialog.cpp" line="92"/>
        <source>Duration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/RunDetailsDialog.cpp" line="92"/>
        <source>Error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/RunDetailsDialog.cpp" line="129"/>
        <location filename="../../ui/RunDetailsDialog.cpp" line="292"/>
        <source>&amp;Cancel run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/RunDetailsDialog.cpp" line="131"/>
        <location filename="../../ui/RunDetailsDialog.cpp" line="318"/>
        <source>&amp;Resubmit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/RunDetailsDialog.cpp" line="133"/>
        <source>Re&amp;fresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/RunDetailsDialog.cpp" line="86"/>
        <source>&amp;Trigger and actions, in the order they ran</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/RunDetailsDialog.cpp" line="89"/>
        <source>Trigger and actions of the run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/RunDetailsDialog.cpp" line="150"/>
        <source>Loading the run and its actions…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/RunDetailsDialog.cpp" line="155"/>
        <source>Could not read the run: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/RunDetailsDialog.cpp" line="178"/>
        <source>%1 · %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/RunDetailsDialog.cpp" line="182"/>
        <source>not finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/RunDetailsDialog.cpp" line="188"/>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/RunDetailsDialog.cpp" line="189"/>
        <source>—</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/RunDetailsDialog.cpp" line="203"/>
        <source>(trigger)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/RunDetailsDialog.cpp" line="203"/>
        <source>Trigger</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/RunDetailsDialog.cpp" line="217"/>
        <source>Skipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/RunDetailsDialog.cpp" line="251"/>
        <source>the trigger</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/RunDetailsDialog.cpp" line="252"/>
        <source>the trigger %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/RunDetailsDialog.cpp" line="259"/>
        <source>Error of %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/RunDetailsDialog.cpp" line="291"/>
        <source>Cancel run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/RunDetailsDialog.cpp" line="292"/>
        <source>Cancel run %1? Actions in progress stop.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/RunDetailsDialog.cpp" line="296"/>
        <source>Cancelling…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/RunDetailsDialog.cpp" line="301"/>
        <source>The run was not cancelled: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/RunDetailsDialog.cpp" line="310"/>
        <source>&amp;Keep it running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/RunDetailsDialog.cpp" line="316"/>
        <source>Resubmit run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/RunDetailsDialog.cpp" line="317"/>
        <source>Resubmit run %1? This starts a new run with the same trigger data.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/RunDetailsDialog.cpp" line="321"/>
        <source>Resubmitting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/RunDetailsDialog.cpp" line="328"/>
        <source>The run was not resubmitted: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/RunDetailsDialog.cpp" line="332"/>
        <source>Resubmitted: a new run has started.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fc::RunHistoryDialog</name>
    <message>
        <location filename="../../ui/RunHistoryDialog.cpp" line="28"/>
        <source>Stored run history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/RunHistoryDialog.cpp" line="31"/>
        <source>The runs you load are kept on this computer (their status, times and codes — never inputs, outputs or tokens), so that a flow opens at once and only new runs are read from the service.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/RunHistoryDialog.cpp" line="45"/>
        <source> MB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/RunHistoryDialog.cpp" line="47"/>
        <source>&amp;Size limit:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/RunHistoryDialog.cpp" line="50"/>
        <source>C&amp;lear stored history…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/RunHistoryDialog.cpp" line="62"/>
        <location filename="../../ui/RunHistoryDialog.cpp" line="69"/>
        <source>Clear stored history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/RunHistoryDialog.cpp" line="63"/>
        <source>Forget every stored run of this account? Flows will read their runs from the service again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/RunHistoryDialog.cpp" line="65"/>
        <source>Clear</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/RunHistoryDialog.cpp" line="69"/>
        <source>The stored runs could not be removed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/RunHistoryDialog.cpp" line="81"/>
        <source>No history is stored for this session (the demo keeps none).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/RunHistoryDialog.cpp" line="87"/>
        <source>%1 runs, %2, in %3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fc::RunNowDialog</name>
    <message>
        <location filename="../../ui/RunNowDialog.cpp" line="69"/>
        <source>The body is empty. Type a JSON body; {} sends an empty object.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/RunNowDialog.cpp" line="85"/>
        <source>The body is not valid JSON: %1 at line %2, column %3. Nothing was sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/RunNowDialog.cpp" line="99"/>
        <source>Run &quot;%1&quot; now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/RunNowDialog.cpp" line="103"/>
        <source>The body the trigger receives, as JSON. It is sent to the trigger&apos;s own URL, which carries its signature: no sign-in token goes with it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/RunNowDialog.cpp" line="107"/>
        <source>&amp;Body:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/RunNowDialog.cpp" line="110"/>
        <source>Body of the run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/RunNowDialog.cpp" line="122"/>
        <source>&amp;Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/RunNowDialog.cpp" line="141"/>
        <location filename="../../ui/RunNowDialog.cpp" line="143"/>
        <source>Reading the trigger&apos;s schema…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/RunNowDialog.cpp" line="146"/>
        <source>The trigger&apos;s schema could not be read (%1); type the body yourself.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/RunNowDialog.cpp" line="198"/>
        <source>Asking the service for the trigger&apos;s URL…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/RunNowDialog.cpp" line="203"/>
        <source>Could not get the trigger&apos;s URL, so nothing was sent: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/RunNowDialog.cpp" line="208"/>
        <source>Starting the run…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/RunNowDialog.cpp" line="215"/>
        <source>No answer from the trigger: the run may or may not have started. Look at the flow&apos;s runs before running it again. (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/RunNowDialog.cpp" line="218"/>
        <source>The trigger did not start a run: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/RunNowDialog.cpp" line="222"/>
        <source>A run has started.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/RunNowDialog.cpp" line="222"/>
        <source>Run %1 has started.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fc::RunOperationPanel</name>
    <message>
        <location filename="../../ui/RunOperationPanel.cpp" line="33"/>
        <source>Run operation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/RunOperationPanel.cpp" line="41"/>
        <source>Operation summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/RunOperationPanel.cpp" line="45"/>
        <source>Operation progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/RunOperationPanel.cpp" line="47"/>
        <source>Retry &amp;failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/RunOperationPanel.cpp" line="49"/>
        <source>Retry failed runs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/RunOperationPanel.cpp" line="50"/>
        <source>S&amp;top</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/RunOperationPanel.cpp" line="52"/>
        <source>Stop the operation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/RunOperationPanel.cpp" line="53"/>
        <source>Dismiss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/RunOperationPanel.cpp" line="55"/>
        <source>Dismiss the results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/RunOperationPanel.cpp" line="65"/>
        <source>Failed runs and reasons</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/RunOperationPanel.cpp" line="67"/>
        <source>Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/RunOperationPanel.cpp" line="67"/>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/RunOperationPanel.cpp" line="120"/>
        <source>Cancelling runs (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/RunOperationPanel.cpp" line="121"/>
        <source>Resubmitting runs (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/RunOperationPanel.cpp" line="137"/>
        <source>%1: %2 failed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/RunOperationPanel.cpp" line="138"/>
        <source>%1: done.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/RunOperationPanel.cpp" line="181"/>
        <source>%1: %2 of %3 done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/RunOperationPanel.cpp" line="183"/>
        <source>, %1 succeeded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/RunOperationPanel.cpp" line="185"/>
        <source>, %1 skipped (already finished)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/RunOperationPanel.cpp" line="187"/>
        <source>, %1 failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/RunOperationPanel.cpp" line="189"/>
        <source>, %1 with an unknown outcome (checked before anything is sent again)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fc::RunSweepDialog</name>
    <message>
        <location filename="../../ui/RunSweepDialog.cpp" line="40"/>
        <source>Resubmit failed runs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/RunSweepDialog.cpp" line="40"/>
        <source>Cancel all running runs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/RunSweepDialog.cpp" line="45"/>
        <source>Resubmit the failed runs of &quot;%1&quot; that started in this period:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/RunSweepDialog.cpp" line="47"/>
        <source>Cancel every run of &quot;%1&quot; that is running or waiting.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/RunSweepDialog.cpp" line="51"/>
        <source>Resubmit the failed runs of %n flow(s) that started in this period:</source>
        <translation>
            <numerusform>Resubmit the failed runs of %n flow that started in this period:</numerusform>
            <numerusform>Resubmit the failed runs of %n flows that started in this period:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/RunSweepDialog.cpp" line="52"/>
        <source>Cancel every run of %n flow(s) that is running or waiting.</source>
        <translation>
            <numerusform>Cancel every run of %n flow that is running or waiting.</numerusform>
            <numerusform>Cancel every run of %n flows that is running or waiting.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/RunSweepDialog.cpp" line="61"/>
        <source>Time range</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/RunSweepDialog.cpp" line="62"/>
        <source>Last hour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/RunSweepDialog.cpp" line="62"/>
        <source>Last 24 hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/RunSweepDialog.cpp" line="62"/>
        <source>Last 7 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/RunSweepDialog.cpp" line="62"/>
        <source>Last 28 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/RunSweepDialog.cpp" line="63"/>
        <source>Custom range</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/RunSweepDialog.cpp" line="66"/>
        <source>&amp;Started in:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/RunSweepDialog.cpp" line="71"/>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/RunSweepDialog.cpp" line="75"/>
        <source>To</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/RunSweepDialog.cpp" line="78"/>
        <source>to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/RunSweepDialog.cpp" line="80"/>
        <source>&amp;Between:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/RunSweepDialog.cpp" line="91"/>
        <source>Failed runs per flow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/RunSweepDialog.cpp" line="91"/>
        <source>Active runs per flow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/RunSweepDialog.cpp" line="93"/>
        <source>Flow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/RunSweepDialog.cpp" line="93"/>
        <source>Failed runs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/RunSweepDialog.cpp" line="93"/>
        <source>Running or waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/RunSweepDialog.cpp" line="102"/>
        <source>Dry-run result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/RunSweepDialog.cpp" line="109"/>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/RunSweepDialog.cpp" line="207"/>
        <source>The range ends before it starts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/RunSweepDialog.cpp" line="218"/>
        <source>Counting… %n run(s) found so far.</source>
        <translation>
            <numerusform>Counting… %n run found so far.</numerusform>
            <numerusform>Counting… %n runs found so far.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/RunSweepDialog.cpp" line="225"/>
        <source>The runs could not be listed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/RunSweepDialog.cpp" line="230"/>
        <source>Resubmit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/RunSweepDialog.cpp" line="230"/>
        <source>Cancel runs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/RunSweepDialog.cpp" line="231"/>
        <source>Counting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/RunSweepDialog.cpp" line="256"/>
        <source>No failed run matches.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/RunSweepDialog.cpp" line="256"/>
        <source>No run is running or waiting.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/RunSweepDialog.cpp" line="260"/>
        <source>%n failed run(s) match. Each is resubmitted once.</source>
        <translation>
            <numerusform>%n failed run matches. It is resubmitted once.</numerusform>
            <numerusform>%n failed runs match. Each is resubmitted once.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/RunSweepDialog.cpp" line="261"/>
        <source>%n run(s) are running or waiting. Runs that end meanwhile are skipped.</source>
        <translation>
            <numerusform>%n run is running or waiting. Runs that end meanwhile are skipped.</numerusform>
            <numerusform>%n runs are running or waiting. Runs that end meanwhile are skipped.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/RunSweepDialog.cpp" line="262"/>
        <source>&amp;Resubmit %n run(s)</source>
        <translation>
            <numerusform>&amp;Resubmit %n run</numerusform>
            <numerusform>&amp;Resubmit %n runs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/RunSweepDialog.cpp" line="262"/>
        <source>Ca&amp;ncel %n run(s)</source>
        <translation>
            <numerusform>Ca&amp;ncel %n run</numerusform>
            <numerusform>Ca&amp;ncel %n runs</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/RunSweepDialog.cpp" line="275"/>
        <source>counting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/RunSweepDialog.cpp" line="286"/>
        <source>&quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/RunSweepDialog.cpp" line="286"/>
        <source>%n flow(s)</source>
        <translation>
            <numerusform>%n flow</numerusform>
            <numerusform>%n flows</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/RunSweepDialog.cpp" line="287"/>
        <source>Resubmit %n failed run(s) of %1</source>
        <translation>
            <numerusform>Resubmit %n failed run of %1</numerusform>
            <numerusform>Resubmit %n failed runs of %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/RunSweepDialog.cpp" line="288"/>
        <source>Cancel %n running run(s) of %1</source>
        <translation>
            <numerusform>Cancel %n running run of %1</numerusform>
            <numerusform>Cancel %n running runs of %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>fc::RunsModel</name>
    <message>
        <location filename="../../models/RunsModel.cpp" line="367"/>
        <source>the runs of this flow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../models/RunsModel.cpp" line="496"/>
        <source>Resubmitted from %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../models/RunsModel.cpp" line="536"/>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../models/RunsModel.cpp" line="538"/>
        <source>Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../models/RunsModel.cpp" line="540"/>
        <source>End</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../models/RunsModel.cpp" line="542"/>
        <source>Duration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../models/RunsModel.cpp" line="544"/>
        <source>Trigger</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../models/RunsModel.cpp" line="546"/>
        <source>Code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../models/RunsModel.cpp" line="548"/>
        <source>Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../models/RunsModel.cpp" line="608"/>
        <source>the running runs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../models/RunsModel.cpp" line="766"/>
        <source>the new runs</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fc::RunsTab</name>
    <message>
        <location filename="../../ui/RunsTab.cpp" line="52"/>
        <source>Runs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/RunsTab.cpp" line="62"/>
        <source>Run actions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/RunsTab.cpp" line="70"/>
        <source>Export runs to CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/RunsTab.cpp" line="71"/>
        <source>E&amp;xport</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/RunsTab.cpp" line="84"/>
        <source>Runs of the flow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/RunsTab.cpp" line="107"/>
        <source>59 min 59 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/RunsTab.cpp" line="130"/>
        <source>Could not load runs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/RunsTab.cpp" line="142"/>
        <location filename="../../ui/RunsTab.cpp" line="314"/>
        <source>%1 runs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/RunsTab.cpp" line="167"/>
        <source>Status filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/RunsTab.cpp" line="183"/>
        <location filename="../../ui/RunsTab.cpp" line="426"/>
        <source>Every status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/RunsTab.cpp" line="185"/>
        <source>&amp;Status:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/RunsTab.cpp" line="192"/>
        <source>Time range</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/RunsTab.cpp" line="193"/>
        <source>Last hour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/RunsTab.cpp" line="194"/>
        <source>Last 24 hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/RunsTab.cpp" line="195"/>
        <source>Last 7 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/RunsTab.cpp" line="196"/>
        <source>Last 28 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/RunsTab.cpp" line="197"/>
        <source>Custom…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/RunsTab.cpp" line="199"/>
        <source>Starte&amp;d:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/RunsTab.cpp" line="206"/>
        <source>Started from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/RunsTab.cpp" line="210"/>
        <source>Started before</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/RunsTab.cpp" line="227"/>
        <source>Filter loaded runs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/RunsTab.cpp" line="228"/>
        <source>Filter loaded runs (name, status, code, trigger, correlation)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/RunsTab.cpp" line="241"/>
        <source>Only failed runs with this code are shown; click to show every run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/RunsTab.cpp" line="249"/>
        <source>Refresh running runs every</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/RunsTab.cpp" line="250"/>
        <source>Off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/RunsTab.cpp" line="251"/>
        <source>5 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/RunsTab.cpp" line="252"/>
        <source>15 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/RunsTab.cpp" line="253"/>
        <source>30 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/RunsTab.cpp" line="254"/>
        <source>1 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/RunsTab.cpp" line="255"/>
        <source>5 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/RunsTab.cpp" line="258"/>
        <source>How often running and waiting runs are read again (paused while the tab is hidden)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/RunsTab.cpp" line="259"/>
        <source>Re&amp;fresh:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/RunsTab.cpp" line="280"/>
        <source>Runs by status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/RunsTab.cpp" line="284"/>
        <source>Runs loaded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/RunsTab.cpp" line="289"/>
        <source>Loading error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/RunsTab.cpp" line="298"/>
        <source>&amp;Load all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/RunsTab.cpp" line="300"/>
        <source>Load all runs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/RunsTab.cpp" line="301"/>
        <source>Fetch every page of runs that match the filters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/RunsTab.cpp" line="304"/>
        <source>Loading progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/RunsTab.cpp" line="309"/>
        <source>Sto&amp;p</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/RunsTab.cpp" line="311"/>
        <source>Stop loading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/RunsTab.cpp" line="338"/>
        <source>&amp;Cancel runs…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/RunsTab.cpp" line="339"/>
        <source>Cancel the selected running or waiting runs (Ctrl+Shift+K)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/RunsTab.cpp" line="340"/>
        <source>&amp;Resubmit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/RunsTab.cpp" line="342"/>
        <source>Run the flow again with the trigger data of each selected run (Ctrl+Shift+R)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/RunsTab.cpp" line="343"/>
        <source>&amp;Details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/RunsTab.cpp" line="344"/>
        <source>Export &amp;selected runs to CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/RunsTab.cpp" line="346"/>
        <source>Export &amp;all loaded runs to CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/RunsTab.cpp" line="347"/>
        <source>Reloa&amp;d</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/RunsTab.cpp" line="348"/>
        <source>Read the runs again from the first page (F5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/RunsTab.cpp" line="355"/>
        <source>Load all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/RunsTab.cpp" line="437"/>
        <source>The end of the time range must be after its start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/RunsTab.cpp" line="469"/>
        <source>Not all runs could be loaded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/RunsTab.cpp" line="471"/>
        <source>No runs match these filters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/RunsTab.cpp" line="634"/>
        <source>started %1 to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/RunsTab.cpp" line="640"/>
        <source>started in the last hour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/RunsTab.cpp" line="642"/>
        <source>started in the last 24 hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/RunsTab.cpp" line="644"/>
        <source>started in the last 7 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/RunsTab.cpp" line="646"/>
        <source>started in the last 28 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/RunsTab.cpp" line="660"/>
        <source>(no code)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/RunsTab.cpp" line="661"/>
        <source>Failure code: %1  ✕</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/RunsTab.cpp" line="662"/>
        <source>Showing failed runs with code %1; clear</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/RunsTab.cpp" line="472"/>
        <source>All %1 runs loaded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/RunsTab.cpp" line="474"/>
        <source>Loading runs…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/RunsTab.cpp" line="476"/>
        <source>%1 runs loaded, more available</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/RunsTab.cpp" line="478"/>
        <source> · %1 shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/RunsTab.cpp" line="537"/>
        <source>Cancel runs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/RunsTab.cpp" line="539"/>
        <source>Cancel the selected running run? Its actions in progress stop and it ends as Cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/RunsTab.cpp" line="540"/>
        <source>Cancel %1 running or waiting runs? Their actions in progress stop and they end as Cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/RunsTab.cpp" line="543"/>
        <source>&amp;Cancel runs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/RunsTab.cpp" line="552"/>
        <source>None of the selected runs is running any more.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/RunsTab.cpp" line="556"/>
        <source>&amp;Keep it running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/RunsTab.cpp" line="556"/>
        <source>&amp;Keep them running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/RunsTab.cpp" line="565"/>
        <source>Resubmit runs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/RunsTab.cpp" line="567"/>
        <source>Resubmit the selected run? This starts a new run of the flow with the same trigger data.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/RunsTab.cpp" line="568"/>
        <source>Resubmit %1 runs? Each one starts a new run of the flow with the same trigger data.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/RunsTab.cpp" line="570"/>
        <source>&amp;Resubmit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/RunsTab.cpp" line="585"/>
        <source>No runs are selected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/RunsTab.cpp" line="602"/>
        <source>Export selected runs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/RunsTab.cpp" line="602"/>
        <source>Export loaded runs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/RunsTab.cpp" line="606"/>
        <source>CSV files (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/RunsTab.cpp" line="612"/>
        <source>Runs exported to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/RunsTab.cpp" line="614"/>
        <source>Export runs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/RunsTab.cpp" line="614"/>
        <source>The runs could not be written to %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fc::Session</name>
    <message>
        <location filename="../../app/auth/Session.cpp" line="27"/>
        <source>The stored sign-in is no longer valid (%1). Please sign in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/auth/Session.cpp" line="135"/>
        <source>You stay signed in until FlowConsole closes, but will have to sign in again next time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/auth/Session.cpp" line="144"/>
        <source>No account has signed in with this profile yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/auth/Session.cpp" line="151"/>
        <source>No stored sign-in for %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fc::SignInDialog</name>
    <message>
        <location filename="../../ui/SignInDialog.cpp" line="22"/>
        <source>Sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/SignInDialog.cpp" line="27"/>
        <source>Sign in to &lt;b&gt;%1&lt;/b&gt; (tenant %2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/SignInDialog.cpp" line="33"/>
        <source>Sign in with the &amp;browser</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/SignInDialog.cpp" line="35"/>
        <source>Sign in with the browser</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/SignInDialog.cpp" line="36"/>
        <source>Use a &amp;device code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/SignInDialog.cpp" line="38"/>
        <source>Sign in with a device code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/SignInDialog.cpp" line="52"/>
        <source>Verification URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/SignInDialog.cpp" line="59"/>
        <source>Device code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/SignInDialog.cpp" line="64"/>
        <source>&amp;Copy code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/SignInDialog.cpp" line="66"/>
        <source>Copy the device code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/SignInDialog.cpp" line="77"/>
        <source>Sign-in status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/SignInDialog.cpp" line="82"/>
        <source>Sign-in error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/SignInDialog.cpp" line="121"/>
        <source>Waiting for you to finish signing in in the browser…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/SignInDialog.cpp" line="127"/>
        <source>Asking for a device code…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/SignInDialog.cpp" line="137"/>
        <source>Open this page on any device and enter the code:</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/SignInDialog.cpp" line="140"/>
        <source>Waiting for the code to be entered (it expires in %n minute(s))…</source>
        <translation>
            <numerusform>Waiting for the code to be entered (it expires in %n minute)…</numerusform>
            <numerusform>Waiting for the code to be entered (it expires in %n minutes)…</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/SignInDialog.cpp" line="153"/>
        <source>Sign-in failed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fc::SlicedRunLoader</name>
    <message>
        <location filename="../../app/ops/SlicedRunLoader.cpp" line="107"/>
        <source>Stopped reading the runs of this flow after %1 pages. What was read is shown.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ops/SlicedRunLoader.cpp" line="108"/>
        <source>Stopped reading the runs of &apos;%1&apos; after %2 pages. What was read is shown.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ops/SlicedRunLoader.cpp" line="151"/>
        <source>the runs of this flow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ops/SlicedRunLoader.cpp" line="151"/>
        <source>the runs of &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fc::TokenStore</name>
    <message>
        <location filename="../../app/auth/TokenStore.cpp" line="127"/>
        <source>store the sign-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/auth/TokenStore.cpp" line="138"/>
        <source>read the stored sign-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/auth/TokenStore.cpp" line="150"/>
        <source>remove the stored sign-in</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fc::WelcomePage</name>
    <message>
        <location filename="../../ui/WelcomePage.cpp" line="15"/>
        <source>Welcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/WelcomePage.cpp" line="22"/>
        <source>Welcome to FlowConsole</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/WelcomePage.cpp" line="29"/>
        <source>Manage the Power Automate flows of a Microsoft tenant, or try everything on the built-in demo service first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/WelcomePage.cpp" line="36"/>
        <source>Sign-in status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/WelcomePage.cpp" line="44"/>
        <source>&amp;Sign in to a tenant…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/WelcomePage.cpp" line="46"/>
        <source>Sign in to a tenant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/WelcomePage.cpp" line="47"/>
        <source>Open the &amp;demo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/WelcomePage.cpp" line="49"/>
        <source>Open the demo</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fc::json</name>
    <message>
        <location filename="../../app/api/JsonParsers.cpp" line="85"/>
        <source>The answer has no &quot;value&quot; list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/api/JsonParsers.cpp" line="142"/>
        <source>The answer is not valid JSON (%1 at byte %2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/api/JsonParsers.cpp" line="144"/>
        <source>The answer is JSON but not an object.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/api/JsonParsers.cpp" line="418"/>
        <source>The answer holds no callback URL.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fc::oauth</name>
    <message>
        <location filename="../../app/auth/OAuth.cpp" line="67"/>
        <source>The identity service answered without an access token.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/auth/OAuth.cpp" line="92"/>
        <source>The identity service answered with status %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/auth/OAuth.cpp" line="121"/>
        <source>The identity service at %1 did not answer in time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/auth/OAuth.cpp" line="126"/>
        <source>The identity service answered with a redirect, which is not followed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../../app/main.cpp" line="30"/>
        <source>Desktop management console for Power Automate.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/main.cpp" line="35"/>
        <source>Open the console on the built-in emulator.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/main.cpp" line="36"/>
        <source>Open the demo as its administrator: every flow, orphaned flows, the recycle bin.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/main.cpp" line="39"/>
        <source>Sign in with this profile.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/main.cpp" line="40"/>
        <source>name</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
